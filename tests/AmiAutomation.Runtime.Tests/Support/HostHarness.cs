using AmiAutomation.Runtime.Functions;
using AmiAutomation.Runtime.Hosting;
using AmiAutomation.TestKit.RuntimeApi;
using Names = AmiAutomation.Runtime.Hosting.RuntimeEnvironmentVariableNames;

namespace AmiAutomation.Runtime.Tests.Support;

/// <summary>Runs <see cref="LambdaBootstrap"/> in-process against a <see cref="FakeRuntimeApi"/>, with recorded output.</summary>
internal sealed class HostHarness : IAsyncDisposable
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);
    public const string FunctionName = "ami-automation-test";

    private readonly CancellationTokenSource _stop = new();
    private Task<int>? _run;

    public FakeRuntimeApi Api { get; } = FakeRuntimeApi.Start();
    public RecordingTextWriter Output { get; } = new();
    public RecordingTextWriter ErrorOutput { get; } = new();
    public RecordingEnvironmentVariables Environment { get; private set; } = new(new Dictionary<string, string>());

    /// <summary>Starts the host for <paramref name="handler"/>. <paramref name="variables"/> add to (or, with a null
    /// value, remove from) the defaults: runtime API address, handler, function name, 256 MB.</summary>
    public void Start(
        FunctionRegistry registry,
        string handler = "echo",
        IReadOnlyDictionary<string, string?>? variables = null,
        TimeProvider? time = null,
        DeadlineMarginPolicy? margin = null,
        TextWriter? output = null)
    {
        var values = new Dictionary<string, string>
        {
            [Names.RuntimeApi] = Api.Address,
            [Names.Handler] = handler,
            [Names.FunctionName] = FunctionName,
            [Names.FunctionMemorySize] = "256",
        };
        foreach (var (name, value) in variables ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                values.Remove(name);
            }
            else
            {
                values[name] = value;
            }
        }

        Environment = new RecordingEnvironmentVariables(values);
        var options = new LambdaBootstrapOptions
        {
            Environment = Environment,
            TimeProvider = time ?? TimeProvider.System,
            Output = output ?? Output,
            ErrorOutput = ErrorOutput,
            DeadlineMargin = margin ?? DeadlineMarginPolicy.Default,
        };
        _run = Task.Run(() => LambdaBootstrap.RunAsync(registry, options, _stop.Token));
    }

    /// <summary>The exit code, once the host stops by itself (fails the test after <see cref="Wait"/>).</summary>
    public Task<int> ExitCodeAsync() => (_run ?? throw new InvalidOperationException("Not started.")).WaitAsync(Wait);

    /// <summary>Cancels the host and returns its exit code.</summary>
    public async Task<int> StopAsync()
    {
        await _stop.CancelAsync();
        return await ExitCodeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_run is not null)
        {
            await _run.WaitAsync(Wait).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        await Api.DisposeAsync();
        _stop.Dispose();
    }
}
