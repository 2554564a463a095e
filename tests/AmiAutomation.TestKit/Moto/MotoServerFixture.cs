using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using AmiAutomation.Aws.Clients;
using Amazon.DynamoDBv2;
using Amazon.EC2;
using Amazon.Runtime;
using Xunit;

namespace AmiAutomation.TestKit.Moto;

/// <summary>
/// Starts <c>moto_server</c> (or <c>python3 -m moto.server</c>) on 127.0.0.1 on a free port with
/// <c>MOTO_EC2_LOAD_DEFAULT_AMIS=false</c>, waits until it answers, and kills it on dispose. Share one per test
/// collection: declare <c>[CollectionDefinition("moto")] class MotoCollection : ICollectionFixture&lt;MotoServerFixture&gt;</c>
/// in the test assembly. If moto is not installed this FAILS (CI installs it); it never skips.
/// </summary>
public sealed class MotoServerFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(60);
    private readonly StringBuilder _output = new();
    private Process? _process;

    /// <summary>The account moto acts as (its default, the same as the simulator's).</summary>
    public const string AccountId = "123456789012";

    public string ServiceUrl { get; private set; } = string.Empty;

    public int Port { get; private set; }

    public async Task InitializeAsync()
    {
        Port = FreePort();
        ServiceUrl = $"http://127.0.0.1:{Port}";
        var (fileName, prefixArguments) = Launcher();
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in prefixArguments.Concat(["-H", "127.0.0.1", "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["MOTO_EC2_LOAD_DEFAULT_AMIS"] = "false";
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        try
        {
            _process.Start();
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new InvalidOperationException($"Could not start moto ({fileName}): {exception.Message}. Install it with: pip install 'moto[server]'.", exception);
        }

        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilAnsweringAsync().ConfigureAwait(false);
    }

    public Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }

        _process?.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>An EC2 client against moto signed for <paramref name="region"/> (moto takes the region from the signature).
    /// <paramref name="maxErrorRetry"/> 0 by default: moto's unsupported calls answer 500 and should not be retried.</summary>
    public AmazonEC2Client CreateEc2Client(string region = "us-east-1", int maxErrorRetry = 0) => new(
        new BasicAWSCredentials("test", "test"),
        new AmazonEC2Config { ServiceURL = ServiceUrl, AuthenticationRegion = region, MaxErrorRetry = maxErrorRetry });

    /// <summary>The product's own client factory pointed at moto (endpoint override, test credentials, no retries).</summary>
    public Ec2ClientFactory CreateEc2ClientFactory() => new(ClientOptions());

    /// <summary>The product's client options pointed at moto: endpoint overrides (EC2, Auto Scaling, and rbin, which moto
    /// does not implement: its calls fail, as they would against any endpoint without the API), test credentials, no retries.</summary>
    public AwsClientOptions ClientOptions() => new()
    {
        Ec2EndpointUrl = new Uri(ServiceUrl),
        AutoScalingEndpointUrl = new Uri(ServiceUrl),
        RecycleBinEndpointUrl = new Uri(ServiceUrl),
        Credentials = new BasicAWSCredentials("test", "test"),
        MaxErrorRetry = 0,
    };

    public AmazonDynamoDBClient CreateDynamoDbClient(string region = "us-east-1", int maxErrorRetry = 0) => new(
        new BasicAWSCredentials("test", "test"),
        new AmazonDynamoDBConfig { ServiceURL = ServiceUrl, AuthenticationRegion = region, MaxErrorRetry = maxErrorRetry });

    /// <summary>Clears every account and region (<c>POST /moto-api/reset</c>).</summary>
    public async Task ResetAsync(CancellationToken cancellationToken = default)
    {
        using var http = new HttpClient();
        using var content = new StringContent(string.Empty);
        using var response = await http.PostAsync(new Uri(ServiceUrl + "/moto-api/reset"), content, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
    }

    private async Task WaitUntilAnsweringAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartupTimeout)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"moto_server exited with code {_process.ExitCode} before answering. Is moto installed (pip install 'moto[server]')? Output:\n{Output}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(ServiceUrl + "/moto-api/")).ConfigureAwait(false);
                if ((int)response.StatusCode < 500)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Slow first answer.
            }

            await Task.Delay(100).ConfigureAwait(false);
        }

        throw new InvalidOperationException($"moto_server did not answer on {ServiceUrl} within {StartupTimeout.TotalSeconds} s. Output:\n{Output}");
    }

    private string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            if (_output.Length < 20_000)
            {
                _output.AppendLine(line);
            }
        }
    }

    /// <summary><c>moto_server</c> from PATH, else <c>python3 -m moto.server</c>.</summary>
    private static (string FileName, string[] Arguments) Launcher()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, "moto_server");
            if (File.Exists(candidate))
            {
                return (candidate, []);
            }
        }

        return ("python3", ["-m", "moto.server"]);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
