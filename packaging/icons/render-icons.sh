#!/usr/bin/env bash
# Renders the GAN Studio icon from its SVG master (assets/icon.svg) to every size and format
# the installers and the running app need. The outputs are committed; rerun this after editing the SVG.
#
# Needs: rsvg-convert (apt-get install -y librsvg2-bin), ImageMagick 6 or 7 (convert or magick),
#        png2icns (apt-get install -y icnsutils) for the macOS .icns.
#
# Writes:
#   packaging/icons/png/gan-studio-<N>.png   N = 16 24 32 48 64 128 256 512 1024
#   packaging/icons/gan-studio.ico           Windows: 16 24 32 48 64 128 256 in one file
#   packaging/icons/gan-studio.icns          macOS: 16 32 48 128 256 512 1024
#   packaging/linux/gan-studio.png           Linux launcher/menu icon for jpackage (256)
#   src/main/resources/io/ganstudio/ui/common/icon-{32,64,256}.png   window/taskbar icons used by the studio at run time
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
svg="$root/assets/icon.svg"
out="$root/packaging/icons"
sizes=(16 24 32 48 64 128 256 512 1024)

die() { echo "render-icons: $*" >&2; exit 1; }

[[ -f "$svg" ]] || die "missing SVG master: $svg"
command -v rsvg-convert >/dev/null || die "rsvg-convert not found (apt-get install -y librsvg2-bin)"
# /usr/local/bin/convert may be a stand-in on some machines: prefer ImageMagick 7's magick, then /usr/bin/convert.
if command -v magick >/dev/null; then IM=(magick)
elif [[ -x /usr/bin/convert ]]; then IM=(/usr/bin/convert)
else die "ImageMagick not found (apt-get install -y imagemagick)"; fi
command -v png2icns >/dev/null || die "png2icns not found (apt-get install -y icnsutils)"

mkdir -p "$out/png" "$root/packaging/linux" "$root/src/main/resources/io/ganstudio/ui"

for n in "${sizes[@]}"; do
    rsvg-convert --width "$n" --height "$n" --keep-aspect-ratio "$svg" --output "$out/png/gan-studio-$n.png"
done
echo "render-icons: PNGs ${sizes[*]} -> packaging/icons/png/"

ico_sizes=(16 24 32 48 64 128 256)
ico_inputs=()
for n in "${ico_sizes[@]}"; do ico_inputs+=("$out/png/gan-studio-$n.png"); done
"${IM[@]}" "${ico_inputs[@]}" "$out/gan-studio.ico"
echo "render-icons: gan-studio.ico (${ico_sizes[*]})"

icns_inputs=()
for n in 16 32 48 128 256 512 1024; do icns_inputs+=("$out/png/gan-studio-$n.png"); done
png2icns "$out/gan-studio.icns" "${icns_inputs[@]}" >/dev/null
echo "render-icons: gan-studio.icns"

cp "$out/png/gan-studio-256.png" "$root/packaging/linux/gan-studio.png"
for n in 32 64 256; do
    cp "$out/png/gan-studio-$n.png" "$root/src/main/resources/io/ganstudio/ui/common/icon-$n.png"
done
echo "render-icons: copied packaging/linux/gan-studio.png and src/main/resources/io/ganstudio/ui/common/icon-{32,64,256}.png"
