import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a detector graph with ONNX Runtime (the engine Sightline uses) on the input that {@code from_onnx.py
 * --check} wrote, and compares its outputs with the PyTorch module's. Exits 1 when they differ by more than the
 * tolerance.
 *
 * <pre>
 * java -cp ~/.m2/repository/com/microsoft/onnxruntime/onnxruntime/1.29.0/onnxruntime-1.29.0.jar \
 *     OnnxParity.java element-detector.onnx DUMP_DIR [1e-4]
 * </pre>
 */
public class OnnxParity {

    public static void main(String[] args) throws Exception {
        Path graph = Path.of(args[0]);
        Path dump = Path.of(args[1]);
        double tolerance = args.length > 2 ? Double.parseDouble(args[2]) : 1e-4;
        long[] shape = shape(Files.readString(dump.resolve("shapes.json")), "input");
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        double worst = 0;
        try (OrtSession session = env.createSession(graph.toString(), new OrtSession.SessionOptions());
             OnnxTensor input = OnnxTensor.createTensor(env, floats(dump.resolve("input.f32")), shape);
             OrtSession.Result result = session.run(Map.of("page", input))) {
            for (String name : new String[] {"heat", "box"}) {
                FloatBuffer ort = ((OnnxTensor) result.get(name).orElseThrow()).getFloatBuffer();
                FloatBuffer torch = floats(dump.resolve(name + ".f32"));
                if (ort.remaining() != torch.remaining()) {
                    throw new IllegalStateException(name + ": " + ort.remaining() + " values, PyTorch gave " + torch.remaining());
                }
                double max = 0;
                for (int i = 0; i < ort.remaining(); i++) {
                    max = Math.max(max, Math.abs(ort.get(i) - torch.get(i)));
                }
                System.out.printf("%s: %d values, largest difference %.2e%n", name, ort.remaining(), max);
                worst = Math.max(worst, max);
            }
        }
        System.out.println(worst <= tolerance ? "agree within " + tolerance : "DIFFER by more than " + tolerance);
        System.exit(worst <= tolerance ? 0 : 1);
    }

    private static FloatBuffer floats(Path file) throws Exception {
        return ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
    }

    private static long[] shape(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\"\\s*:\\s*\\[([^\\]]*)\\]").matcher(json);
        if (!m.find()) {
            throw new IllegalArgumentException("no shape for " + key);
        }
        String[] parts = m.group(1).split(",");
        long[] out = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Long.parseLong(parts[i].trim());
        }
        return out;
    }
}
