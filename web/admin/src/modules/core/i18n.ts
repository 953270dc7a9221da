// The console frame: app, common words, language, menu, top bar, sign-in, TOTP, my account.
import type { Messages } from '../../../../lib/i18n';

export default {
  app: {
    title: ['智慧工会服务平台', 'UnionHub'], subtitle: ['管理后台', 'Admin console'], short: ['工会', 'UH'],
  },
  common: {
    ok: ['确定', 'OK'], cancel: ['取消', 'Cancel'], save: ['保存', 'Save'], create: ['新建', 'New'], edit: ['编辑', 'Edit'], delete: ['删除', 'Delete'],
    search: ['查询', 'Search'], reset: ['重置', 'Reset'], actions: ['操作', 'Actions'], yes: ['是', 'Yes'], no: ['否', 'No'], refresh: ['刷新', 'Refresh'],
    close: ['关闭', 'Close'], back: ['返回', 'Back'], submit: ['提交', 'Submit'], all: ['全部', 'All'], none: ['无', 'None'], saved: ['已保存', 'Saved'],
    deleted: ['已删除', 'Deleted'], noData: ['暂无数据', 'No data'], required: ['请填写{field}', '{field} is required'],
    confirmTitle: ['请确认', 'Please confirm'], networkError: ['网络异常，请稍后重试', 'Network error; please try again'], total: ['共 {n} 条', '{n} in all'],
    totalCapped: ['共 {n}+ 条', 'over {n}'],
  },
  lang: {
    label: ['语言', 'Language'], zh: ['简体中文', '简体中文'], en: ['English', 'English'],
  },
  menu: {
    orgs: ['组织机构', 'Organizations'], staff: ['工作人员与授权', 'Staff & grants'], audit: ['操作日志', 'Audit log'], account: ['我的账号', 'My account'],
    toggle: ['收起/展开菜单', 'Toggle menu'],
  },
  top: {
    context: ['所属组织', 'Home org'], logout: ['退出登录', 'Sign out'], loggedOut: ['已退出登录', 'Signed out'], noOrg: ['未设置', 'Not set'],
  },
  login: {
    title: ['账号登录', 'Sign in'], username: ['用户名', 'Username'], password: ['密码', 'Password'], submit: ['登录', 'Sign in'],
    usernamePlaceholder: ['请输入用户名', 'Your username'], passwordPlaceholder: ['请输入密码', 'Your password'], totpTitle: ['二次验证', 'Two-step verification'],
    totpHint: ['请输入身份验证器 App 中显示的 6 位动态口令。', 'Enter the 6-digit code shown in your authenticator app.'], verify: ['验证', 'Verify'],
    backToLogin: ['返回登录', 'Back to sign-in'], enrollTitle: ['启用动态口令', 'Set up an authenticator'],
    enrollHint: ['您的角色要求启用动态口令（二次验证），完成后即可进入系统。', 'Your role requires an authenticator (two-step verification). Set it up to continue.'],
    welcome: ['欢迎，{name}', 'Welcome, {name}'], footer: ['本系统仅供工会工作人员使用，操作将被记录。', 'For union staff only. Actions are recorded.'],
  },
  totp: {
    code: ['动态口令', 'Code'], codePlaceholder: ['6 位数字', '6 digits'], codeInvalid: ['请输入 6 位数字动态口令', 'Enter the 6-digit code'],
    start: ['生成密钥', 'Generate secret'],
    scanHint: ['用身份验证器 App（如 Microsoft Authenticator、Google Authenticator）扫描二维码，或手动输入下方密钥，然后填写 App 显示的 6 位动态口令。', 'Scan the QR code with an authenticator app (Microsoft Authenticator, Google Authenticator, …) or type the secret below, then enter the 6-digit code it shows.'],
    qrAlt: ['动态口令二维码', 'Authenticator QR code'], secret: ['密钥', 'Secret'], enable: ['启用', 'Enable'], enabled: ['已启用', 'Enabled'],
    notEnabled: ['未启用', 'Not enabled'], required: ['角色要求启用', 'Required by role'], disable: ['停用动态口令', 'Disable authenticator'],
    disableHint: ['停用后登录将不再需要动态口令。请输入当前密码确认。', 'Sign-in will no longer ask for a code. Enter your password to confirm.'],
    enabledOk: ['动态口令已启用', 'Authenticator enabled'], disabledOk: ['动态口令已停用', 'Authenticator disabled'], copy: ['复制', 'Copy'],
    copied: ['已复制', 'Copied'],
  },
  account: {
    profile: ['个人资料', 'Profile'], username: ['用户名', 'Username'], displayName: ['姓名', 'Name'], phone: ['手机号', 'Phone'], org: ['所属组织', 'Home org'],
    grants: ['我的授权', 'My grants'], session: ['本次会话到期', 'Session expires'], password: ['修改密码', 'Change password'],
    currentPassword: ['当前密码', 'Current password'], newPassword: ['新密码', 'New password'], confirmPassword: ['确认新密码', 'Confirm new password'],
    mismatch: ['两次输入的新密码不一致', 'The new passwords do not match'], changed: ['密码已修改', 'Password changed'],
    passwordRules: ['至少 8 位，含大写字母、小写字母、数字、符号中的三类，避免常见词和键盘顺序', 'At least 8 characters, three of upper case, lower case, digits and symbols; no common words or keyboard runs'],
    totp: ['动态口令（二次验证）', 'Authenticator (two-step verification)'], totpStatus: ['当前状态', 'Status'],
  },
  notFound: {
    title: ['页面不存在', 'Page not found'], back: ['返回首页', 'Back to start'],
  },
} satisfies Messages;
