/**
 * JavaScript evaluated in every PAC sandbox before the user's script.
 *
 * `PAC_BINDINGS` is a function expression called once with the host's native
 * functions (see pac-sandbox.ts). It installs the functions Chromium binds
 * natively (proxy_resolver_v8.cc) with their argument checks, and replaces
 * `Date` so that `new Date()` / `Date.now()` read the fake's Clock.
 *
 * `PAC_UTILITIES` gives the functions Chromium runs as JavaScript (the
 * Mozilla library in services/proxy_resolver/pac_js_library.h, plus
 * `isResolvableEx`) the same observable behaviour, including the quirks that
 * library keeps for compatibility: `dateRange`'s month/day arithmetic on real
 * Date objects, inclusive `timeRange` ends, wrap-around ranges. Helper globals
 * (`isValidIpAddress`, `convert_addr`, `wdays`, `months`) exist there too,
 * and, as there, the utilities look every global up at call time, so a
 * script may redefine them.
 */
// A template literal applies ToString, as V8's Value::ToString does (unlike
// '' + message, which tries valueOf first): a throwing toString() propagates
// and nothing is alerted.
const MESSAGE_TO_STRING = '`${message}`';

export const PAC_BINDINGS = String.raw`(function (native) {
  var g = globalThis;
  g.alert = function alert(message) {
    native.alert(arguments.length === 0 ? 'undefined' : ${MESSAGE_TO_STRING});
  };
  g.myIpAddress = function myIpAddress() { return native.myIpAddress(); };
  g.myIpAddressEx = function myIpAddressEx() { return native.myIpAddressEx(); };
  g.dnsResolve = function dnsResolve(host) {
    return typeof host === 'string' ? native.dnsResolve(host) : null;
  };
  g.dnsResolveEx = function dnsResolveEx(host) {
    if (typeof host === 'string') return native.dnsResolveEx(host);
  };
  g.isPlainHostName = function isPlainHostName(host) {
    if (typeof host !== 'string') throw new TypeError('Requires 1 string parameter');
    return native.isPlainHostName(host);
  };
  g.sortIpAddressList = function sortIpAddressList(list) {
    return typeof list === 'string' ? native.sortIpAddressList(list) : null;
  };
  g.isInNetEx = function isInNetEx(ip, prefix) {
    return typeof ip === 'string' && typeof prefix === 'string' ? native.isInNetEx(ip, prefix) : null;
  };

  var RealDate = g.Date;
  var ClockDate = function Date(year, month, day, hours, minutes, seconds, ms) {
    if (new.target === undefined) return new RealDate(native.now()).toString();
    var args = arguments.length === 0 ? [native.now()] : arguments;
    return Reflect.construct(RealDate, args, new.target);
  };
  ClockDate.prototype = RealDate.prototype;
  Object.defineProperty(RealDate.prototype, 'constructor', { value: ClockDate, writable: true, configurable: true });
  ClockDate.now = function now() { return native.now(); };
  ClockDate.parse = RealDate.parse;
  ClockDate.UTC = RealDate.UTC;
  Object.defineProperty(g, 'Date', { value: ClockDate, writable: true, configurable: true, enumerable: false });
})`;

export const PAC_UTILITIES = String.raw`
var wdays = {SUN: 0, MON: 1, TUE: 2, WED: 3, THU: 4, FRI: 5, SAT: 6};
var months = {JAN: 0, FEB: 1, MAR: 2, APR: 3, MAY: 4, JUN: 5, JUL: 6, AUG: 7, SEP: 8, OCT: 9, NOV: 10, DEC: 11};

function dnsDomainIs(host, domain) {
  var start = host.length - domain.length;
  return start >= 0 && host.substring(start) == domain;
}

function dnsDomainLevels(host) {
  return host.split('.').length - 1;
}

function isValidIpAddress(ipchars) {
  var quad = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ipchars);
  if (quad === null) return false;
  return !(quad[1] > 255 || quad[2] > 255 || quad[3] > 255 || quad[4] > 255);
}

function convert_addr(ipchars) {
  var octets = ipchars.split('.');
  var value = 0;
  for (var i = 0; i < 4; i++) value = (value << 8) | (octets[i] & 0xff);
  return value;
}

function isInNet(ipaddr, pattern, maskstr) {
  if (!isValidIpAddress(pattern) || !isValidIpAddress(maskstr)) return false;
  if (!isValidIpAddress(ipaddr)) {
    ipaddr = dnsResolve(ipaddr);
    if (ipaddr == null) return false;
  }
  var mask = convert_addr(maskstr);
  return (convert_addr(ipaddr) & mask) == (convert_addr(pattern) & mask);
}

function isResolvable(host) {
  return dnsResolve(host) != null;
}

function isResolvableEx(host) {
  return dnsResolveEx(host) != '';
}

function localHostOrDomainIs(host, hostdom) {
  return host == hostdom || hostdom.lastIndexOf(host + '.', 0) == 0;
}

function shExpMatch(url, pattern) {
  // Only '.', '*' and '?' are translated; other RegExp syntax stays live.
  var source = pattern.replace(/\./g, '\\.').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp('^' + source + '$').test(url);
}

function weekdayRange() {
  function dayOf(name) { return name in wdays ? wdays[name] : -1; }
  var now = new Date();
  var argc = arguments.length;
  if (argc < 1) return false;
  var today;
  if (arguments[argc - 1] == 'GMT') {
    argc--;
    today = now.getUTCDay();
  } else {
    today = now.getDay();
  }
  var first = dayOf(arguments[0]);
  var last = argc == 2 ? dayOf(arguments[1]) : first;
  if (first == -1 || last == -1) return false;
  return first <= last ? first <= today && today <= last : last >= today || today >= first;
}

function dateRange() {
  function monthOf(name) { return name in months ? months[name] : -1; }
  // Local fields are set from the UTC ones one at a time, on the same object.
  function utcFieldsAsLocal(d) {
    d.setFullYear(d.getUTCFullYear());
    d.setMonth(d.getUTCMonth());
    d.setDate(d.getUTCDate());
    d.setHours(d.getUTCHours());
    d.setMinutes(d.getUTCMinutes());
    d.setSeconds(d.getUTCSeconds());
    return d;
  }
  var now = new Date();
  var argc = arguments.length;
  if (argc < 1) return false;
  var gmt = arguments[argc - 1] == 'GMT';
  if (gmt) argc--;
  if (argc == 1) {
    var only = parseInt(arguments[0]);
    if (isNaN(only)) return (gmt ? now.getUTCMonth() : now.getMonth()) == monthOf(arguments[0]);
    if (only < 32) return (gmt ? now.getUTCDate() : now.getDate()) == only;
    return (gmt ? now.getUTCFullYear() : now.getFullYear()) == only;
  }
  var year = now.getFullYear();
  var from = new Date(year, 0, 1, 0, 0, 0);
  var to = new Date(year, 11, 31, 23, 59, 59);
  var half = argc >> 1;
  var dayOnly = false;
  for (var i = 0; i < argc; i++) {
    var bound = i < half ? from : to;
    var n = parseInt(arguments[i]);
    if (isNaN(n)) {
      bound.setMonth(monthOf(arguments[i]));
    } else if (n < 32) {
      if (i < half) dayOnly = argc <= 2;
      bound.setDate(n);
    } else {
      bound.setFullYear(n);
    }
  }
  if (dayOnly) {
    from.setMonth(now.getMonth());
    to.setMonth(now.getMonth());
  }
  if (gmt) now = utcFieldsAsLocal(now);
  return from <= to ? from <= now && now <= to : to >= now || now >= from;
}

function timeRange() {
  function utcFieldsAsLocal(d) {
    d.setFullYear(d.getUTCFullYear());
    d.setMonth(d.getUTCMonth());
    d.setDate(d.getUTCDate());
    d.setHours(d.getUTCHours());
    d.setMinutes(d.getUTCMinutes());
    d.setSeconds(d.getUTCSeconds());
    return d;
  }
  var argc = arguments.length;
  var now = new Date();
  if (argc < 1) return false;
  var gmt = arguments[argc - 1] == 'GMT';
  if (gmt) argc--;
  var hour = gmt ? now.getUTCHours() : now.getHours();
  var from = new Date();
  var to = new Date();
  if (argc == 1) return hour == arguments[0];
  if (argc == 2) return arguments[0] <= hour && hour <= arguments[1];
  if (argc == 6) {
    from.setSeconds(arguments[2]);
    to.setSeconds(arguments[5]);
  } else if (argc != 4) {
    throw 'timeRange: bad number of arguments';
  }
  var mid = argc >> 1;
  from.setHours(arguments[0]);
  from.setMinutes(arguments[1]);
  to.setHours(arguments[mid]);
  to.setMinutes(arguments[mid + 1]);
  // Without seconds the end minute is inclusive.
  if (mid == 2) to.setSeconds(59);
  if (gmt) now = utcFieldsAsLocal(now);
  return from <= to ? from <= now && now <= to : to >= now || now >= from;
}
`;
