import { passwordWeakness } from './password-strength';

describe('passwordWeakness', () => {
  it.each(['password1234', 'Password1234!', '1234567890', 'qwertyuiop', 'iloveyou2024', 'abcabcabcabc', 'letmein12345'])(
    'refuses the guessable password %s with a reason',
    (password) => {
      expect(passwordWeakness(password)).toMatch(/^This password is too easy to guess\. \S/);
    },
  );

  it("counts the user's own email as guessable", () => {
    expect(passwordWeakness('jane.doe@example.com', ['jane.doe@example.com', 'jane.doe', 'example.com'])).toMatch(/personal/);
  });

  it.each(['correct horse battery', 'a brand new password', 'Tr0ub4dor&3x', 'pw-0b6c1f5e-3f4a-4a51-9a8e'])('accepts %s', (password) => {
    expect(passwordWeakness(password)).toBeNull();
  });
});
