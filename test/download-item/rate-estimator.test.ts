import { RateEstimator } from '../../src/download-item/rate-estimator';

it('counts the second being filled as a whole second', () => {
  const rate = new RateEstimator(0);
  rate.increment(1000, 100);
  expect(rate.countPerSecond(400)).toBe(1000);
  expect(rate.countPerSecond(1500)).toBe(500);
});

it('averages over at most the last ten seconds', () => {
  const rate = new RateEstimator(0);
  for (let second = 0; second < 20; second++) rate.increment(second < 10 ? 100 : 300, second * 1000);
  expect(rate.countPerSecond(19_500)).toBe(300);
});

it('forgets everything after a long silence', () => {
  const rate = new RateEstimator(0);
  rate.increment(5000, 0);
  expect(rate.countPerSecond(60_000)).toBe(0);
});
