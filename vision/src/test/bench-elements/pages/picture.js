// Paints each <canvas class="photo"> with a deterministic textured scene, standing in for a photograph
// without any network access.
(function () {
  document.querySelectorAll('canvas.photo').forEach((c, n) => {
    const g = c.getContext('2d');
    let seed = 17 + n * 101;
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const sky = g.createLinearGradient(0, 0, 0, c.height);
    sky.addColorStop(0, '#5b8fd1'); sky.addColorStop(1, '#d9e7f5');
    g.fillStyle = sky; g.fillRect(0, 0, c.width, c.height);
    for (let i = 0; i < 400; i++) {
      g.fillStyle = `hsl(${Math.floor(rnd() * 360)},${40 + Math.floor(rnd() * 40)}%,${30 + Math.floor(rnd() * 40)}%)`;
      g.beginPath();
      g.arc(rnd() * c.width, c.height * 0.4 + rnd() * c.height * 0.6, 2 + rnd() * 14, 0, Math.PI * 2);
      g.fill();
    }
  });
})();
