// Fonts are bundled from npm so the deck never reaches a font CDN (see fonts.provider: none in slides.md).
import '@fontsource/inter/latin-400.css'
import '@fontsource/inter/latin-600.css'
import '@fontsource/inter/latin-700.css'
import '@fontsource/inter/latin-800.css' // the cover's, section slides' and statements' titles
import '@fontsource/jetbrains-mono/latin-400.css'
import '@fontsource/jetbrains-mono/latin-700.css' // bold code (keywords in some themes), else a fallback mono
import './identity.css'
import './main.css'
