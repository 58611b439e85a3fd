// Preloaded (node --import) into a tool that must work offline: every outgoing connection and
// name lookup it tries is written to stderr as NETWORK-ATTEMPT, so a test can insist on none.
import dns from 'node:dns';
import net from 'node:net';

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  const [target] = args;
  const where = typeof target === 'object' && target ? `${target.host ?? ''}:${target.port ?? target.path ?? ''}` : String(target);
  process.stderr.write(`NETWORK-ATTEMPT connect ${where}\n`);
  return connect.apply(this, args);
};
const lookup = dns.lookup;
dns.lookup = function (host, ...rest) {
  process.stderr.write(`NETWORK-ATTEMPT lookup ${host}\n`);
  return lookup.call(this, host, ...rest);
};
