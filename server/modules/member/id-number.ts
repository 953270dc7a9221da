// The 身份证号 rules live in shared/ (the web apps check with the same code as people type).
export * from '../../../shared/id-number.js';
