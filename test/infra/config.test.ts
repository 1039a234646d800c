import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { DeployConfigError, readDeployConfig } from '../../infra/aws/config.ts';

const GOOD = {
  env: 'prod',
  mailFrom: 'bao-cao@baocao.example.gov.vn',
  summaryRecipients: { 'bo-y-te': ['a@example.gov.vn'] },
  domainName: 'baocao.example.gov.vn',
  certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc-123',
};
const fromContext = (values: Record<string, unknown>, env: Record<string, string> = {}) => ({ context: (key: string) => values[key], env });

function problems(values: Record<string, unknown>, keys: string[] = ['bo-y-te'], env: Record<string, string> = {}): string {
  try {
    readDeployConfig(fromContext(values, env), keys);
  } catch (error) {
    expect(error).toBeInstanceOf(DeployConfigError);
    return (error as Error).message;
  }
  throw new Error('expected the settings to be refused');
}

describe('deployment settings', () => {
  test('read from context, with the sender name defaulted', () => {
    const config = readDeployConfig(fromContext(GOOD), ['bo-y-te']);
    expect(config).toEqual({
      envName: 'prod',
      mailFrom: GOOD.mailFrom,
      mailFromName: 'Hệ thống báo cáo',
      summaryRecipients: GOOD.summaryRecipients,
      domainName: GOOD.domainName,
      certificateArn: GOOD.certificateArn,
    });
  });

  test('every missing setting is named with its context key and environment variable', () => {
    const message = problems({});
    for (const line of [
      'envName: missing (context "env" or BAOCAO_ENV)',
      'mailFrom: missing (context "mailFrom" or BAOCAO_MAIL_FROM)',
      'summaryRecipients: missing (context "summaryRecipients" or BAOCAO_SUMMARY_RECIPIENTS)',
      'domainName: missing (context "domainName" or BAOCAO_DOMAIN_NAME)',
      'certificateArn: missing (context "certificateArn" or BAOCAO_CERTIFICATE_ARN)',
    ]) {
      expect(message).toContain(line);
    }
  });

  test('the environment supplies what context does not, recipients as JSON text', () => {
    const config = readDeployConfig(
      fromContext({}, {
        BAOCAO_ENV: 'staging',
        BAOCAO_MAIL_FROM: GOOD.mailFrom,
        BAOCAO_SUMMARY_RECIPIENTS: JSON.stringify(GOOD.summaryRecipients),
        BAOCAO_DOMAIN_NAME: GOOD.domainName,
        BAOCAO_CERTIFICATE_ARN: GOOD.certificateArn,
      }),
      ['bo-y-te'],
    );
    expect(config.envName).toBe('staging');
    expect(config.summaryRecipients).toEqual(GOOD.summaryRecipients);
  });

  test('a JSON file named by context "config" fills the rest; context wins over it', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'deploy-config-')), 'prod.json');
    writeFileSync(file, JSON.stringify(GOOD));
    expect(readDeployConfig(fromContext({ config: file, env: 'prod2' }), ['bo-y-te']).envName).toBe('prod2');
  });

  test('every recipient key the forms name needs an address', () => {
    expect(problems(GOOD, ['bo-y-te', 'thu-tuong'])).toContain('summaryRecipients: no addresses for thu-tuong');
  });

  test('malformed values are refused with the reason', () => {
    expect(problems({ ...GOOD, summaryRecipients: '{not json' })).toContain('summaryRecipients');
    expect(problems({ ...GOOD, summaryRecipients: { 'bo-y-te': ['not an address'] } })).toContain('summaryRecipients.bo-y-te.0');
    expect(problems({ ...GOOD, mailFrom: 'nobody' })).toContain('mailFrom: an email address');
    expect(problems({ ...GOOD, env: 'Prod!' })).toContain('envName: lowercase letters');
    expect(problems({ ...GOOD, certificateArn: 'arn:aws:acm:ap-southeast-1:123456789012:certificate/abc' })).toContain('in us-east-1');
  });
});
