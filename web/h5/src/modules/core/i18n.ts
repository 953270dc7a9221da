// The H5 frame: brand, tabs, common words, validation, sign-in, home, mine, password.
import type { Messages } from '../../../../lib/i18n';

export default {
  app: {
    brand: ['智慧工会 · 职工之家', 'Smart Union · Workers\' Home'], platform: ['智慧工会服务平台 UnionHub', 'UnionHub · Smart Union Service Platform'],
    slogan: ['工会就在身边，服务一键直达', 'Your union, one tap away'],
  },
  tabs: {
    home: ['首页', 'Home'], mine: ['我的', 'Me'],
  },
  common: {
    cancel: ['取消', 'Cancel'], networkError: ['网络异常，请检查网络后重试', 'Network error. Check your connection and try again'], loading: ['加载中…', 'Loading…'],
    on: ['已开启', 'On'], off: ['已关闭', 'Off'], choose: ['请选择', 'Choose'], leaveBlank: ['不填写', 'Leave blank'], retry: ['重试', 'Try again'],
    yes: ['是', 'Yes'], no: ['否', 'No'],
  },
  validate: {
    phoneRequired: ['请输入手机号', 'Enter your phone number'], phoneInvalid: ['请输入正确的 11 位手机号', 'Enter a valid 11-digit mobile number'],
    passwordRequired: ['请输入密码', 'Enter your password'], codeRequired: ['请输入验证码', 'Enter the code'],
    codeInvalid: ['验证码为数字', 'The code is digits only'],
  },
  login: {
    title: ['职工登录', 'Member sign-in'], tabPassword: ['密码登录', 'Password'], tabCode: ['验证码登录', 'SMS code'], phone: ['手机号', 'Phone'],
    phonePlaceholder: ['请输入手机号', 'Mobile number'], password: ['密码', 'Password'], passwordPlaceholder: ['请输入登录密码', 'Your password'],
    code: ['验证码', 'Code'], codePlaceholder: ['短信验证码', 'SMS code'], sendCode: ['获取验证码', 'Get code'], resendIn: ['{n} 秒后重发', 'Resend in {n}s'],
    codeSent: ['验证码已发送', 'Code sent'], codeHint: ['未注册的手机号验证后将自动开通账号', 'A new number gets an account once verified'], submit: ['登录', 'Sign in'],
    success: ['登录成功', 'Signed in'], privacy: ['个人信息加密存储，仅用于工会会员服务', 'Personal data is stored encrypted, for union services only'],
    notMember: ['该账号不能在职工端登录，请前往管理后台', 'This account cannot sign in here; use the admin console'],
  },
  home: {
    hello: ['{time}，{name}', '{time}, {name}'], morning: ['早上好', 'Good morning'], afternoon: ['下午好', 'Good afternoon'],
    evening: ['晚上好', 'Good evening'], services: ['常用服务', 'Services'], comingSoon: ['更多服务正在陆续开通，敬请期待', 'More services are on the way'],
    memberOf: ['{org} 会员', 'Member of {org}'], notMember: ['您还不是工会会员，可在线申请入会', 'Not a union member yet: you can apply online'],
  },
  entries: {
    mine: ['我的', 'Me'], password: ['登录密码', 'Password'], largeText: ['大字模式', 'Large text'], language: ['English', '中文'],
    join: ['入会申请', 'Join the union'], card: ['电子会员卡', 'Member card'], memberInfo: ['会员信息', 'My record'], transfer: ['关系转接', 'Transfer'],
  },
  mine: {
    union: ['工会会员', 'Union membership'], notMember: ['尚未入会', 'Not a member'], account: ['账户与安全', 'Account & security'],
    display: ['阅读与语言', 'Reading & language'], setPassword: ['设置密码', 'Set password'], changePassword: ['修改密码', 'Change password'],
    password: ['登录密码', 'Password'], passwordSet: ['已设置', 'Set'], passwordNotSet: ['未设置', 'Not set'], largeText: ['大字模式', 'Large text'],
    largeTextHint: ['放大全部文字，看得更清楚', 'Makes all text larger'], language: ['语言', 'Language · 语言'], logout: ['退出登录', 'Sign out'],
    logoutConfirm: ['确定要退出登录吗？', 'Sign out now?'], loggedOut: ['已退出登录', 'Signed out'],
  },
  password: {
    titleSet: ['设置登录密码', 'Set a password'], titleChange: ['修改登录密码', 'Change password'], current: ['当前密码', 'Current'],
    currentPlaceholder: ['请输入当前密码', 'Current password'], next: ['新密码', 'New'], nextPlaceholder: ['请输入新密码', 'New password'],
    confirm: ['确认密码', 'Confirm'], confirmPlaceholder: ['请再次输入新密码', 'New password again'],
    hint: ['设置后可使用“手机号 + 密码”登录。请勿使用生日、连续数字等易猜密码。', 'With a password you can sign in by phone + password. Avoid birthdays and simple sequences.'],
    mismatch: ['两次输入的密码不一致', 'The passwords do not match'], required: ['请输入密码', 'Enter a password'], save: ['保存', 'Save'],
    saved: ['密码已保存', 'Password saved'],
  },
} satisfies Messages;
