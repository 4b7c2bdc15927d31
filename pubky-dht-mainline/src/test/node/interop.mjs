// A bittorrent-dht@11 peer for the Java interop tests (DhtInteropIT), driven over stdin/stdout.
// One command per line, one answer line per command ("ok ..." or "err <code> <message>").
// Every node binds 127.0.0.1 and has no bootstrap list: the test wires the network itself.
// Ed25519 comes from node:crypto, so bittorrent-dht is the only dependency.
import crypto from 'node:crypto'
import readline from 'node:readline'
import DHT from 'bittorrent-dht'

const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex')
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex')
const nodes = []

function verify (sig, msg, pk) {
  try {
    const key = crypto.createPublicKey({ key: Buffer.concat([SPKI_PREFIX, Buffer.from(pk)]), format: 'der', type: 'spki' })
    return crypto.verify(null, Buffer.from(msg), key, Buffer.from(sig))
  } catch (e) {
    return false
  }
}

function keypair (seedHex) {
  const privateKey = crypto.createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX, Buffer.from(seedHex, 'hex')]), format: 'der', type: 'pkcs8' })
  const publicKey = crypto.createPublicKey(privateKey).export({ format: 'der', type: 'spki' }).subarray(12)
  return { publicKey, sign: (buf) => crypto.sign(null, buf, privateKey) }
}

const commands = {
  new (args, reply) {
    const dht = new DHT({ bootstrap: false, verify })
    dht.on('error', (e) => process.stderr.write(`dht error: ${e.message}\n`))
    dht.listen(0, '127.0.0.1', () => {
      nodes.push(dht)
      reply(`ok ${nodes.length - 1} ${dht.address().port} ${dht.nodeId.toString('hex')}`)
    })
  },
  add ([i, port], reply) {
    const dht = nodes[+i]
    dht._sendPing({ host: '127.0.0.1', port: +port }, (err, node) => {
      if (err) return reply(`err 0 ${err.message}`)
      dht.addNode(node)
      reply(`ok ${node.id.toString('hex')}`)
    })
  },
  put ([i, seedHex, seq, vHex, cas], reply) {
    const kp = keypair(seedHex)
    const opts = { k: kp.publicKey, seq: +seq, v: Buffer.from(vHex, 'hex'), sign: kp.sign }
    if (cas !== undefined) opts.cas = +cas
    nodes[+i].put(opts, (err, target, n) => {
      if (err) return reply(`err ${err.code || 0} ${err.message}`)
      reply(`ok ${n} ${target.toString('hex')}`)
    })
  },
  get ([i, targetHex], reply) {
    nodes[+i].get(targetHex, { cache: false }, (err, res) => {
      if (err) return reply(`err 0 ${err.message}`)
      if (!res) return reply('none')
      reply(`ok ${res.seq} ${res.v.toString('hex')} ${res.k.toString('hex')} ${res.sig.toString('hex')}`)
    })
  },
  table ([i], reply) {
    const list = nodes[+i].toJSON().nodes
    const ids = nodes[+i].nodes.toArray().map((n) => `${n.id.toString('hex')}@${n.port}`)
    reply(`ok ${list.length} ${ids.join(',')}`)
  },
  lookup ([i, targetHex], reply) {
    nodes[+i]._closest(Buffer.from(targetHex, 'hex'), { q: 'find_node', a: { id: nodes[+i].nodeId, target: Buffer.from(targetHex, 'hex') } }, null, (err, n) => {
      if (err) return reply(`err 0 ${err.message}`)
      reply(`ok ${n}`)
    })
  },
  quit (args, reply) {
    reply('ok')
    for (const dht of nodes) dht.destroy()
    process.exit(0)
  }
}

const rl = readline.createInterface({ input: process.stdin })
rl.on('line', (line) => {
  const [cmd, ...args] = line.trim().split(/\s+/)
  const reply = (answer) => process.stdout.write(answer + '\n')
  try {
    if (!commands[cmd]) return reply(`err 0 unknown command ${cmd}`)
    commands[cmd](args, reply)
  } catch (e) {
    reply(`err 0 ${e.message}`)
  }
})
rl.on('close', () => { for (const dht of nodes) dht.destroy(); process.exit(0) })
process.stdout.write('ready\n')
