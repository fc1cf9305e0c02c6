import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// Built into dist/ with every asset under /ui/assets/, as the storage service serves them.
export default defineConfig({
  base: '/ui/',
  plugins: [react()],
  build: { outDir: 'dist', assetsDir: 'assets', emptyOutDir: true, sourcemap: false },
})
