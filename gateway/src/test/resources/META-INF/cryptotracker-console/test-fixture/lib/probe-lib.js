// A test fixture of the gateway: imported by ../probe.js, and larger than the gateway's minimum size for gzip
// (server.compression.min-response-size), so that the tests see a hashed module compressed.

const UNITS = [
  { limit: 60, name: "second", divisor: 1 },
  { limit: 3600, name: "minute", divisor: 60 },
  { limit: 86400, name: "hour", divisor: 3600 },
  { limit: Infinity, name: "day", divisor: 86400 },
];

export function greeting(name) {
  return `hello, ${name}`;
}

export function ago(seconds) {
  const unit = UNITS.find((candidate) => seconds < candidate.limit);
  const count = Math.floor(seconds / unit.divisor);
  return `${count} ${unit.name}${count === 1 ? "" : "s"} ago`;
}

export function percent(value, decimals = 2) {
  const sign = value > 0 ? "+" : value < 0 ? "\u2212" : "";
  return `${sign}${Math.abs(value).toFixed(decimals)} %`;
}
