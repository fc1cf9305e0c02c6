import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'

function Timeline() {
  return <main>audit-trail timeline</main>
}

const root = document.getElementById('root')
if (root) {
  createRoot(root).render(
    <StrictMode>
      <Timeline />
    </StrictMode>,
  )
}
