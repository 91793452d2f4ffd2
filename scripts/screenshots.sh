#!/usr/bin/env bash
# Regenerates screenshots/*.png from real terminal captures: runs the release panfm in a private
# tmux server, drives it with keys, captures the pane with colours and renders it to PNG with
# tools/ansi2png. Needs tmux and fonts (DejaVu Sans Mono; a CJK font such as fonts-wqy-microhei).
set -euo pipefail
cd "$(dirname "$0")/.."
# PANFM_BIN=target/debug/panfm uses an existing build instead of the release one.
if [ -z "${PANFM_BIN:-}" ]; then
  cargo build --release --quiet
  PANFM_BIN=$PWD/target/release/panfm
fi
cargo build --release --quiet --manifest-path tools/ansi2png/Cargo.toml
BIN=$(realpath "$PANFM_BIN")
PNG=$PWD/tools/ansi2png/target/release/ansi2png
SOCK=panfm-shots-$$
T="tmux -L $SOCK"
WORK=$(mktemp -d)
trap '$T kill-server 2>/dev/null || true; rm -rf "$WORK"' EXIT
mkdir -p screenshots

wait_for() {
  for _ in $(seq 100); do
    $T capture-pane -p -t shot | grep -qE -- "$1" && return 0
    sleep 0.1
  done
  echo "timeout waiting for: $1" >&2
  $T capture-pane -p -t shot >&2
  return 1
}

shot() { # name
  sleep 0.3
  $T capture-pane -p -e -t shot | "$PNG" 120 32 "screenshots/$1.png"
  echo "screenshots/$1.png"
}

# A small local tree to browse.
mkdir -p "$WORK/home/照片 2024/春节" "$WORK/home/projects/panfm" "$WORK/home/音乐 🎵" "$WORK/home/.config"
for i in 1 2 3 10 11 20; do head -c $((i * 40960)) /dev/zero > "$WORK/home/IMG_$(printf %04d "$i").jpg"; done
head -c 5242880 /dev/zero > "$WORK/home/备份 2024-03.tar.gz"
echo "# notes" > "$WORK/home/README.md"
for i in 1 2 3 4; do head -c $((i * 700000)) /dev/urandom > "$WORK/home/照片 2024/春节/IMG_$i.jpg"; done
head -c 123456 /dev/zero > "$WORK/home/report-final (2).pdf"

run() { # args...
  $T kill-server 2>/dev/null || true
  # The server of the last scene may still be exiting (panfm quit): try again until it is gone.
  for _ in $(seq 50); do
    $T new-session -d -s shot -x 120 -y 32 \
      "env PANFM_CONFIG_DIR=$WORK/cfg TERM=xterm-256color $BIN $*" 2>/dev/null && return 0
    sleep 0.1
  done
  echo "could not start tmux" >&2
  return 1
}

# 1. Local disk on the left, the demo cloud drive on the right, some entries marked.
run --demo "$WORK/home"
wait_for '欢迎使用 panfm'
$T send-keys -t shot j j Space j Space Tab
$T send-keys -t shot -l '/照片'
$T send-keys -t shot Enter Enter
wait_for '2024 春节'
shot demo
# 2. Batch rename with a live preview.
$T send-keys -t shot h
wait_for '文档/'
$T send-keys -t shot -l '/文档'
$T send-keys -t shot Enter Enter
wait_for '工作/'
$T send-keys -t shot -l '/工作'
$T send-keys -t shot Enter Enter
wait_for '预算表'
$T send-keys -t shot C-a r C-x
$T send-keys -t shot -l '^(.*)$'
$T send-keys -t shot Tab
$T send-keys -t shot -l '{n}-$1'
$T send-keys -t shot Tab Tab Tab BSpace
$T send-keys -t shot -l '2'
wait_for '3 of 3 entries will be renamed'
shot batch-rename
$T send-keys -t shot Escape
# 3. The transfer queue after sending a local folder up.
$T send-keys -t shot Tab u
$T send-keys -t shot -l '/照片'
$T send-keys -t shot Enter F5
wait_for 'Upload 1 item'
$T send-keys -t shot y t
wait_for 'IMG_4.jpg +done'
shot queue
$T send-keys -t shot Escape
sleep 0.6
# 4. The help overlay, generated from the keymap.
$T send-keys -t shot '?'
wait_for 'Keys'
shot help
$T send-keys -t shot Escape q
# 5. The share dialog: two marked files of the demo's root, guests on, a traffic limit.
run --demo "$WORK/home"
wait_for '欢迎使用 panfm'
$T send-keys -t shot Tab G k Space Space P
wait_for 'Share from cloud:/'
$T send-keys -t shot Tab Tab Tab Space Tab Tab C-u
$T send-keys -t shot -l '10G'
wait_for 'Traffic limit +10G'
shot share
$T send-keys -t shot Escape q
# 6. The command palette, searching for the sort commands.
run --demo "$WORK/home"
wait_for '欢迎使用 panfm'
$T send-keys -t shot ':'
$T send-keys -t shot -l 'sort'
wait_for 'sort_extension'
shot palette
$T send-keys -t shot Escape
sleep 0.6
$T send-keys -t shot q
# 7. Compare directories (C-x d): a local copy of a cloud folder, one file changed, one added.
env PANFM_CONFIG_DIR="$WORK/cli" "$BIN" --demo -q download -r /文档/工作 "$WORK"
echo "- 追加一行" >> "$WORK/工作/会议纪要 2024-03-15.md"
echo "计划" > "$WORK/工作/新计划.md"
run --demo "$WORK/工作" cloud:/文档/工作
wait_for '新计划'
$T send-keys -t shot C-x d
wait_for 'F5 copies the marked'
shot compare
$T send-keys -t shot q
# 8. The viewer (F3) on a cloud text file with CJK lines, line numbers on.
run --demo "$WORK/home"
wait_for '欢迎使用 panfm'
$T send-keys -t shot Tab G F3
wait_for 'read 870 B of 870 B'
$T send-keys -t shot '#'
shot viewer
$T send-keys -t shot q q
