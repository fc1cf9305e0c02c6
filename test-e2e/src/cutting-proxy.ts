import { type AddressInfo, connect, createServer, type Server, type Socket } from 'node:net'

/** A TCP proxy that cuts every connection once the service has sent a number of bytes. */
export interface CuttingProxy {
  /** `http://127.0.0.1:<port>`: the service's URL through the proxy. */
  readonly url: string
  /** Connections cut so far. */
  cuts(): number
  close(): Promise<void>
}

/**
 * Starts a TCP proxy on 127.0.0.1 in front of `target` (`http://host:port`) that forwards both
 * ways until the service has sent `cutAfterBytes` bytes on a connection (headers included), then
 * destroys both sockets: a transfer broken off mid-answer, as a network that fails, a load
 * balancer that times out or a service that dies would leave it, below any HTTP parser.
 */
export async function startCuttingProxy(target: string, cutAfterBytes: number): Promise<CuttingProxy> {
  const upstream = new URL(target)
  const open = new Set<Socket>()
  let cuts = 0
  const server: Server = createServer((client) => {
    const service = connect(Number(upstream.port), upstream.hostname)
    open.add(client).add(service)
    let sent = 0
    let cut = false
    const end = () => {
      client.destroy()
      service.destroy()
      open.delete(client)
      open.delete(service)
    }
    client.on('data', (chunk: Buffer) => service.write(chunk))
    service.on('data', (chunk: Buffer) => {
      if (cut) return
      const room = cutAfterBytes - sent
      sent += chunk.length
      if (chunk.length < room) {
        client.write(chunk)
        return
      }
      cut = true
      cuts++
      // The bytes up to the limit, then nothing: the client is left with a partial answer.
      client.write(chunk.subarray(0, room), end)
    })
    // An end (either side's last byte sent) passes on; an error or a close tears both down.
    client.on('end', () => service.end())
    service.on('end', () => client.end())
    client.on('error', end).on('close', end)
    service.on('error', end)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    cuts: () => cuts,
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const socket of open) socket.destroy()
        server.close((error) => (error ? reject(error) : resolve()))
      }),
  }
}
