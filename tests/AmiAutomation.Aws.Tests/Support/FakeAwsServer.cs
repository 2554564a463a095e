using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AmiAutomation.Aws.Tests.Support;

/// <summary>
/// A scripted HTTP server on 127.0.0.1 standing in for an AWS endpoint the emulators lack (rbin). Every request is
/// recorded; <see cref="Respond"/> decides each answer from the request and its 0-based number.
/// </summary>
internal sealed class FakeAwsServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<FakeAwsRequest> _requests = new();
    private readonly Task _loop;
    private int _count;

    public FakeAwsServer(Func<FakeAwsRequest, int, FakeAwsResponse> respond)
    {
        Respond = respond;
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public Func<FakeAwsRequest, int, FakeAwsResponse> Respond { get; set; }

    public int Port { get; }

    public Uri Url => new($"http://127.0.0.1:{Port}");

    public IReadOnlyList<FakeAwsRequest> Requests => [.. _requests];

    /// <summary>Answers before the response is written (tests of timeouts and cancellation).</summary>
    public TimeSpan Delay { get; set; }

    public void Dispose()
    {
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The listener was closed under the loop.
        }
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        try
        {
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body).ConfigureAwait(false);
            var headers = context.Request.Headers.AllKeys.Where(k => k is not null)
                .ToDictionary(k => k!, k => context.Request.Headers[k] ?? string.Empty, StringComparer.OrdinalIgnoreCase);
            var request = new FakeAwsRequest(context.Request.HttpMethod, context.Request.RawUrl ?? "/", headers, Encoding.UTF8.GetString(body.ToArray()));
            _requests.Enqueue(request);
            var answer = Respond(request, Interlocked.Increment(ref _count) - 1);
            if (Delay > TimeSpan.Zero)
            {
                await Task.Delay(Delay).ConfigureAwait(false);
            }

            context.Response.StatusCode = answer.StatusCode;
            context.Response.ContentType = answer.ContentType;
            foreach (var (name, value) in answer.Headers)
            {
                context.Response.Headers[name] = value;
            }

            var bytes = Encoding.UTF8.GetBytes(answer.Body);
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes).ConfigureAwait(false);
            context.Response.Close();
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or IOException)
        {
            // The client went away (timeout and cancellation tests).
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
