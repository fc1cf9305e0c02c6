/**
 * Whether a container runtime answers, decided within `timeoutMs` (default 1500 ms). Without a
 * Docker engine, testcontainers fails in milliseconds; with a hung socket the timeout decides.
 */
export async function dockerAvailable(timeoutMs = 1500): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs)
    timer.unref()
  })
  const probe = import('testcontainers')
    .then(({ getContainerRuntimeClient }) => getContainerRuntimeClient())
    .then(
      () => true,
      () => false,
    )
  try {
    return await Promise.race([probe, timeout])
  } finally {
    clearTimeout(timer)
  }
}
