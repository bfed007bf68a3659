// Export of the map with its legend: a PNG drawn from the map's canvas and the legend's rows,
// and printing (the print stylesheet shows the map image and the legend on one page).

function snapshot(map) {
  // read the WebGL canvas right after a frame is drawn (no preserveDrawingBuffer needed)
  return new Promise((resolve) => {
    map.once("render", () => resolve(map.getCanvas().toDataURL("image/png")));
    map.triggerRepaint();
  });
}

function loadImage(src) {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = reject;
    image.src = src;
  });
}

/** The map and its legend as one PNG canvas. */
export async function composeMap(map, legend) {
  const image = await loadImage(await snapshot(map));
  const rows = [...legend.querySelectorAll(".legend-rows li")];
  const title = (legend.querySelector("h2") || {}).textContent || "";
  const subtitle = (legend.querySelector("p.muted") || {}).textContent || "";
  const panel = 320;
  const canvas = document.createElement("canvas");
  canvas.width = image.width + panel;
  canvas.height = Math.max(image.height, 60 + rows.length * 20);
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(image, 0, 0);
  const x = image.width + 12;
  ctx.fillStyle = "#000000";
  ctx.font = "bold 14px sans-serif";
  ctx.fillText(title, x, 22, panel - 20);
  ctx.font = "12px sans-serif";
  ctx.fillText(subtitle, x, 40, panel - 20);
  rows.forEach((row, i) => {
    const swatch = row.querySelector(".swatch");
    const y = 56 + i * 20;
    ctx.fillStyle = swatch ? (swatch.style.background || "#ffffff") : "#ffffff";
    ctx.fillRect(x, y, 14, 12);
    ctx.strokeStyle = "#555555";
    ctx.strokeRect(x, y, 14, 12);
    ctx.fillStyle = "#000000";
    ctx.fillText(row.textContent, x + 20, y + 11, panel - 40);
  });
  return canvas;
}

export async function exportPng(map, legend) {
  const canvas = await composeMap(map, legend);
  const blob = await new Promise((resolve) => canvas.toBlob(resolve, "image/png"));
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = "dikas-map.png";
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
  return canvas;
}

/** Print the map (as an image: a WebGL canvas prints blank) with the legend. */
export async function printMap(map) {
  let img = document.getElementById("print-map");
  if (!img) {
    img = document.createElement("img");
    img.id = "print-map";
    img.alt = "";
    document.querySelector("main").appendChild(img);
  }
  img.src = await snapshot(map);
  window.print();
}
