import { partitionFolder } from '../../src/session/partition-folder';

it('lower-cases the partition name', () => {
  expect(partitionFolder('MyPartition')).toBe('mypartition');
});

it('escapes the characters Chromium escapes in paths and keeps the rest', () => {
  expect(partitionFolder('a b#c%d:e?f')).toBe('a%20b%23c%25d%3Ae%3Ff');
  expect(partitionFolder("x-y_z.~!$&'()*+,;=@")).toBe("x-y_z.~!$&'()*+,;=@");
});

it('escapes non-ASCII bytes without lower-casing them', () => {
  expect(partitionFolder('Ä')).toBe('%C3%84');
});
