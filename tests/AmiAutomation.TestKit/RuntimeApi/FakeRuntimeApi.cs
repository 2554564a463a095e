using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;

namespace AmiAutomation.TestKit.RuntimeApi;

/// <summary>
/// A scripted Lambda Runtime API (2018-06-01) on 127.0.0.1 and a free port. <c>GET next</c> long-polls until a scripted
/// <see cref="FakeInvocation"/> (or status) is queued; <c>/response</c> answers 202, or 413 above
/// <see cref="MaxResponseBytes"/> like Lambda; <c>/error</c> and <c>init/error</c> answer 202. Every request is recorded
/// in arrival order, and <see cref="MaxConcurrentRequests"/> shows whether a client ever had two requests open at once.
/// </summary>
public sealed class FakeRuntimeApi : IAsyncDisposable
{
    /// <summary>Lambda's response limit: 6 MB + 100 bytes.</summary>
    public const int MaxResponseBytes = 6_291_556;

    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(30);

    private readonly TcpListener _listener;
    private readonly Channel<object> _script = Channel.CreateUnbounded<object>();
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly List<(Func<RecordedRequest, bool> Match, TaskCompletionSource<RecordedRequest> Done)> _waiters = [];
    private readonly List<Task> _connections = [];
    private readonly Task _acceptLoop;
    private long _sequence;
    private int _inFlight;
    private int _maxInFlight;

    private FakeRuntimeApi()
    {
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        _acceptLoop = AcceptAsync();
    }

    public static FakeRuntimeApi Start() => new();

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>The value for <c>AWS_LAMBDA_RUNTIME_API</c>.</summary>
    public string Address => $"127.0.0.1:{Port}";

    /// <summary>Delay before answering any POST: widens the window in which a non-sequential client would be caught.</summary>
    public TimeSpan PostAnswerDelay { get; set; }

    /// <summary>Overrides the answer to POSTs: return null to keep the default.</summary>
    public Func<RecordedRequest, FakeHttpResponse?>? Responder { get; set; }

    /// <summary>Highest number of requests that were open (received, not yet answered) at the same time.</summary>
    public int MaxConcurrentRequests => Volatile.Read(ref _maxInFlight);

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    public void Enqueue(FakeInvocation invocation) => _script.Writer.TryWrite(invocation);

    /// <summary>The next <c>GET next</c> gets this answer instead of an event (e.g. 500).</summary>
    public void EnqueueNextAnswer(FakeHttpResponse answer) => _script.Writer.TryWrite(answer);

    /// <summary>The first request (already received or still to come) that matches; fails after the timeout (default 30 s).</summary>
    public async Task<RecordedRequest> WaitForAsync(Func<RecordedRequest, bool> match, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(match);
        TaskCompletionSource<RecordedRequest> done;
        lock (_gate)
        {
            var existing = _requests.FirstOrDefault(match);
            if (existing is not null)
            {
                return existing;
            }

            done = new TaskCompletionSource<RecordedRequest>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, done));
        }

        var limit = timeout ?? DefaultWait;
        try
        {
            return await done.Task.WaitAsync(limit);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException(
                $"No matching request within {limit.TotalSeconds} s. Received: {string.Join(", ", Requests.Select(r => $"{r.Method} {r.Path}"))}");
        }
    }

    /// <summary>Waits for the <c>/response</c> or <c>/error</c> post of <paramref name="requestId"/>.</summary>
    public Task<RecordedRequest> WaitForResultAsync(string requestId, TimeSpan? timeout = null)
        => WaitForAsync(r => r.RequestId == requestId, timeout);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        Task[] connections;
        lock (_gate)
        {
            connections = [.. _connections];
            foreach (var (_, done) in _waiters)
            {
                done.TrySetCanceled();
            }
        }

        await Task.WhenAll([_acceptLoop, .. connections]).WaitAsync(TimeSpan.FromSeconds(10)).ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var socket = await _listener.AcceptTcpClientAsync(_stop.Token);
                lock (_gate)
                {
                    _connections.Add(ServeAsync(socket));
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // stopped
        }
    }

    private async Task ServeAsync(TcpClient socket)
    {
        using var _ = socket;
        var connection = new HttpWireConnection(socket.GetStream());
        try
        {
            while (await connection.ReadRequestAsync(_stop.Token) is { } raw)
            {
                var request = Record(raw);
                var answer = request.Kind == RecordedRequestKind.Next
                    ? await NextAnswerAsync(connection)
                    : await PostAnswerAsync(request);
                Interlocked.Decrement(ref _inFlight);
                if (answer is null)
                {
                    return;
                }

                await connection.WriteResponseAsync(answer, _stop.Token);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
            // client went away or the fake stopped
        }
    }

    private RecordedRequest Record(HttpWireConnection.Request raw)
    {
        var now = Stopwatch.GetTimestamp();
        var open = Interlocked.Increment(ref _inFlight);
        int seen;
        while (open > (seen = Volatile.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, open, seen) != seen)
        {
        }

        lock (_gate)
        {
            var request = new RecordedRequest(++_sequence, raw.Method, raw.Target, raw.Headers, raw.Body, now);
            _requests.Add(request);
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Match(request))
                {
                    _waiters[i].Done.TrySetResult(request);
                    _waiters.RemoveAt(i);
                }
            }

            return request;
        }
    }

    /// <summary>Waits for a scripted item; null when the client hung up first (its long poll was cancelled).</summary>
    private async Task<FakeHttpResponse?> NextAnswerAsync(HttpWireConnection connection)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        var item = _script.Reader.ReadAsync(wait.Token).AsTask();
        var hangUp = connection.FillAsync(wait.Token);
        if (await Task.WhenAny(item, hangUp) == hangUp && await hangUp == 0)
        {
            await wait.CancelAsync();
            return item.IsCompletedSuccessfully ? Requeue(item.Result) : null;
        }

        var next = await item;
        await wait.CancelAsync();
        await hangUp.ContinueWith(_ => { }, TaskScheduler.Default);
        return next switch
        {
            FakeInvocation invocation => new FakeHttpResponse(200, invocation.Payload) { Headers = invocation.Headers() },
            FakeHttpResponse scripted => scripted,
            _ => throw new InvalidOperationException("Unknown script item."),
        };
    }

    private FakeHttpResponse? Requeue(object item)
    {
        _script.Writer.TryWrite(item);
        return null;
    }

    private async Task<FakeHttpResponse> PostAnswerAsync(RecordedRequest request)
    {
        if (PostAnswerDelay > TimeSpan.Zero)
        {
            await Task.Delay(PostAnswerDelay, _stop.Token);
        }

        if (Responder?.Invoke(request) is { } custom)
        {
            return custom;
        }

        return request.Kind switch
        {
            RecordedRequestKind.Response when request.Body.Length > MaxResponseBytes => FakeHttpResponse.Json(
                413,
                $$"""{"errorMessage":"Exceeded maximum allowed payload size ({{MaxResponseBytes}} bytes).","errorType":"RequestEntityTooLarge"}"""),
            RecordedRequestKind.Response or RecordedRequestKind.Error or RecordedRequestKind.InitError => FakeHttpResponse.Accepted(),
            _ => FakeHttpResponse.Json(404, """{"errorMessage":"Unknown path","errorType":"NotFound"}"""),
        };
    }
}
