package org.claimauditor.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** HTTP/1.1 over a plain socket, for what ordinary clients will not do: trickle a body, lie about its length. */
final class RawHttp implements AutoCloseable {

    record Response(int status, String head, String body) { }

    private final Socket socket;

    RawHttp(int port, int readTimeoutMillis) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(readTimeoutMillis);
    }

    OutputStream out() throws IOException {
        return socket.getOutputStream();
    }

    void send(String text) throws IOException {
        out().write(text.getBytes(StandardCharsets.UTF_8));
        out().flush();
    }

    /** Reads the answer until the server closes the connection (every request here says Connection: close). */
    Response read() throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try {
            for (int n; (n = in.read(buf)) > 0; ) {
                all.write(buf, 0, n);
            }
        } catch (SocketTimeoutException e) {
            throw e;
        } catch (IOException e) {
            // reset after the answer: the server closed while the client was still sending
        }
        String text = all.toString(StandardCharsets.UTF_8);
        if (text.isEmpty()) {
            return new Response(-1, "", "");
        }
        int split = text.indexOf("\r\n\r\n");
        String head = split < 0 ? text : text.substring(0, split);
        String body = split < 0 ? "" : text.substring(split + 4);
        if (head.contains("Transfer-Encoding: chunked")) {
            body = dechunk(body);
        }
        return new Response(Integer.parseInt(head.substring(9, 12)), head, body);
    }

    private static String dechunk(String chunked) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < chunked.length()) {
            int eol = chunked.indexOf("\r\n", i);
            int size = Integer.parseInt(chunked.substring(i, eol).trim(), 16);
            if (size == 0) {
                break;
            }
            out.append(chunked, eol + 2, eol + 2 + size);
            i = eol + 2 + size + 2;
        }
        return out.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
