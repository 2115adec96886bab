// Tailwind v4 runs as a PostCSS plugin; globals.css pulls it in with @import "tailwindcss".
export default { plugins: { "@tailwindcss/postcss": {} } };
