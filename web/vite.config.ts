import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The server (npm start) serves web/dist at /; in `npm run dev -w web` Vite proxies the API to it.
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000', '/health': 'http://127.0.0.1:3000' },
  },
});
