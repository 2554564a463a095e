using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace AmiAutomation.Aws.Tests.SignedApi;

/// <summary>
/// The reference signature: botocore's <c>SigV4Auth</c> (installed with the AWS CLI) signs the same request at the same
/// fixed time with the same credentials, in a <c>python3</c> child process. Returns botocore's Authorization header.
/// </summary>
internal static class BotocoreSigner
{
    private const string Script = """
        import sys, json, datetime
        import botocore.auth
        from botocore.awsrequest import AWSRequest
        from botocore.credentials import Credentials
        a = json.loads(sys.stdin.read())
        fixed = datetime.datetime.strptime(a["time"], "%Y%m%dT%H%M%SZ")
        botocore.auth.get_current_datetime = lambda *args, **kwargs: fixed
        body = bytes.fromhex(a["body"]) if a["body"] else None
        request = AWSRequest(method=a["method"], url=a["url"], data=body, headers=a["headers"])
        botocore.auth.SigV4Auth(Credentials(a["key"], a["secret"], a["token"]), a["service"], a["region"]).add_auth(request)
        print(request.headers["Authorization"])
        """;

    public static string Authorization(
        string method, Uri uri, IReadOnlyDictionary<string, string> headers, byte[] body,
        string accessKey, string secretKey, string? token, string region, string service, string amzDate)
    {
        var input = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["method"] = method,
            ["url"] = uri.AbsoluteUri,
            ["headers"] = headers,
            ["body"] = Convert.ToHexString(body),
            ["key"] = accessKey,
            ["secret"] = secretKey,
            ["token"] = token,
            ["region"] = region,
            ["service"] = service,
            ["time"] = amzDate,
        });
        var start = new ProcessStartInfo("python3") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Script);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
        process.StandardInput.Write(input);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            process.Kill();
            throw new TimeoutException("botocore signing did not finish in 30 s");
        }

        return process.ExitCode == 0
            ? output.Result.Trim()
            : throw new InvalidOperationException($"botocore signing failed ({process.ExitCode}): {error.Result}");
    }
}
