import { conversionError, describeForConversion, stringArgument } from '../../src/session/gin-arguments';

it('names values in conversion errors the way Electron does', () => {
  expect(describeForConversion(undefined)).toBe('undefined');
  expect(describeForConversion(null)).toBe('null');
  expect(describeForConversion(42)).toBe('Number');
  expect(describeForConversion(true)).toBe('Boolean');
  expect(describeForConversion('x')).toBe('"x"');
  expect(describeForConversion({})).toBe('Object');
  expect(describeForConversion([])).toBe('Array');
  expect(describeForConversion(() => undefined)).toBe('Function');
  expect(describeForConversion(Object.create(null))).toBe('Object');
});

it('formats the conversion TypeError with the argument index', () => {
  const error = conversionError(1, 7);
  expect(error).toBeInstanceOf(TypeError);
  expect(error.message).toBe('Error processing argument at index 1, conversion failure from Number');
});

it('throws for a missing argument differently from a wrong one', () => {
  expect(() => stringArgument([], 0)).toThrow(new TypeError('Insufficient number of arguments.'));
  expect(() => stringArgument([undefined], 0)).toThrow(
    'Error processing argument at index 0, conversion failure from undefined',
  );
  expect(stringArgument(['ok'], 0)).toBe('ok');
});
