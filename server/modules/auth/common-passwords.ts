// The most common passwords (lower-cased), English and Chinese; a password on this list is refused.
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(
  `123456 123456789 12345678 password qwerty123 qwerty 1234567 111111 1234567890 123123 abc123 1234
password1 iloveyou 1q2w3e4r 000000 qwerty1 123321 987654321 dragon 1qaz2wsx 666666 654321 7777777
123 monkey letmein 888888 123qwe sunshine princess football welcome admin admin123 admin888
admin@123 root root123 passw0rd p@ssw0rd p@ssword password123 password@123 qwe123 qweasd qweasdzxc zxcvbnm
asdfghjkl 1qazxsw2 q1w2e3r4 q1w2e3r4t5 a123456 a1234567 a12345678 aa123456 abc12345 abcd1234 abc123456 woaini
woaini1314 woaini520 5201314 520520 1314520 wodemima mima123 qq123456 qq5201314 123456a 123456aa 123456abc
12345678a 11111111 88888888 66666666 00000000 12341234 11223344 147258369 159357 159753 741852963 zhang123
wang123 li123456 huawei123 xiaomi123 changeme changeme123 default test1234 test123456 guest123 user1234 demo1234
hello123 hello1234 iloveyou1 superman batman trustno1 baseball master shadow michael jennifer computer
internet killer whatever freedom charlie donald starwars 123456789a 12345qwert 1234qwer qwer1234 asdf1234
zxcv1234 aaaaaaaa abcdefgh abcdefg1 password! password1! welcome1 welcome123 admin1234 administrator gonghui gonghui123
zhigong123 union123 unionhub unionhub123`.split(/\s+/),
);
