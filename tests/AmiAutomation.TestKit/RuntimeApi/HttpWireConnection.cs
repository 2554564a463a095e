using System.Globalization;
using System.Text;

namespace AmiAutomation.TestKit.RuntimeApi;

/// <summary>Just enough HTTP/1.1 for the fake Runtime API: reads requests (Content-Length or chunked bodies, UTF-8 header
/// values) and writes responses byte-exactly, on one keep-alive connection.</summary>
internal sealed class HttpWireConnection(Stream stream)
{
    private byte[] _buffer = new byte[16 * 1024];
    private int _start;
    private int _end;

    internal sealed record Request(string Method, string Target, Dictionary<string, string> Headers, byte[] Body);

    /// <summary>The next request, or null when the peer closed the connection between requests.</summary>
    public async Task<Request?> ReadRequestAsync(CancellationToken cancellationToken)
    {
        int headEnd;
        while ((headEnd = IndexOf("\r\n\r\n"u8)) < 0)
        {
            if (await FillAsync(cancellationToken) == 0)
            {
                return null;
            }
        }

        var head = Encoding.UTF8.GetString(_buffer, _start, headEnd - _start);
        _start = headEnd + 4;
        var lines = head.Split("\r\n");
        var requestLine = lines[0].Split(' ');
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var name = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            headers[name] = headers.TryGetValue(name, out var earlier) ? earlier + ", " + value : value;
        }

        byte[] body;
        if (headers.TryGetValue("Transfer-Encoding", out var encoding) && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            body = await ReadChunkedAsync(cancellationToken);
        }
        else
        {
            var length = headers.TryGetValue("Content-Length", out var raw) ? int.Parse(raw, CultureInfo.InvariantCulture) : 0;
            body = await ReadExactlyAsync(length, cancellationToken);
        }

        return new Request(requestLine[0], requestLine[1], headers, body);
    }

    /// <summary>Reads more bytes into the buffer; 0 means the peer closed the connection.</summary>
    public async Task<int> FillAsync(CancellationToken cancellationToken)
    {
        if (_start > 0 && _start == _end)
        {
            _start = _end = 0;
        }

        if (_end == _buffer.Length)
        {
            var target = _start > 0 ? _buffer : new byte[_buffer.Length * 2];
            Array.Copy(_buffer, _start, target, 0, _end - _start);
            _end -= _start;
            _start = 0;
            _buffer = target;
        }

        var read = await stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
        _end += read;
        return read;
    }

    public async Task WriteResponseAsync(FakeHttpResponse response, CancellationToken cancellationToken)
    {
        var head = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {response.StatusCode} {Reason(response.StatusCode)}\r\n")
            .Append(CultureInfo.InvariantCulture, $"Content-Length: {response.Body.Length}\r\n");
        if (response.ContentType is not null)
        {
            head.Append(CultureInfo.InvariantCulture, $"Content-Type: {response.ContentType}\r\n");
        }

        foreach (var (name, value) in response.Headers)
        {
            head.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        }

        head.Append("\r\n");
        await stream.WriteAsync(Encoding.UTF8.GetBytes(head.ToString()), cancellationToken);
        await stream.WriteAsync(response.Body, cancellationToken);
        await stream.FlushAsync(cancellationToken);
    }

    private async Task<byte[]> ReadChunkedAsync(CancellationToken cancellationToken)
    {
        using var body = new MemoryStream();
        while (true)
        {
            var sizeLine = await ReadLineAsync(cancellationToken);
            var size = int.Parse(sizeLine.Split(';')[0].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            if (size == 0)
            {
                while ((await ReadLineAsync(cancellationToken)).Length > 0)
                {
                    // trailers are ignored
                }

                return body.ToArray();
            }

            body.Write(await ReadExactlyAsync(size, cancellationToken));
            await ReadLineAsync(cancellationToken);
        }
    }

    private async Task<string> ReadLineAsync(CancellationToken cancellationToken)
    {
        int end;
        while ((end = IndexOf("\r\n"u8)) < 0)
        {
            if (await FillAsync(cancellationToken) == 0)
            {
                throw new IOException("The connection closed inside a chunked body.");
            }
        }

        var line = Encoding.ASCII.GetString(_buffer, _start, end - _start);
        _start = end + 2;
        return line;
    }

    private async Task<byte[]> ReadExactlyAsync(int count, CancellationToken cancellationToken)
    {
        var result = new byte[count];
        var copied = 0;
        while (copied < count)
        {
            if (_start == _end && await FillAsync(cancellationToken) == 0)
            {
                throw new IOException($"The connection closed after {copied} of {count} body bytes.");
            }

            var take = Math.Min(count - copied, _end - _start);
            Array.Copy(_buffer, _start, result, copied, take);
            _start += take;
            copied += take;
        }

        return result;
    }

    private int IndexOf(ReadOnlySpan<byte> marker)
    {
        var at = _buffer.AsSpan(_start, _end - _start).IndexOf(marker);
        return at < 0 ? -1 : _start + at;
    }

    private static string Reason(int status) => status switch
    {
        200 => "OK",
        202 => "Accepted",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        413 => "Request Entity Too Large",
        500 => "Internal Server Error",
        _ => "Status",
    };
}
