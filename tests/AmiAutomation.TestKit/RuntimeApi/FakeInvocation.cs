using System.Text;

namespace AmiAutomation.TestKit.RuntimeApi;

/// <summary>
/// One event the fake Runtime API hands out on <c>GET next</c>: the payload and the <c>Lambda-Runtime-*</c> headers.
/// A null header property leaves that header out; <see cref="DeadlineMs"/> null means "60 s from now (wall clock)".
/// </summary>
public sealed record FakeInvocation(string RequestId, byte[] Payload)
{
    public const string DefaultFunctionArn = "arn:aws:lambda:eu-west-1:123456789012:function:ami-automation-test";

    public long? DeadlineMs { get; init; }
    public bool OmitDeadline { get; init; }
    public string? FunctionArn { get; init; } = DefaultFunctionArn;
    public string? TraceId { get; init; }
    public string? ClientContext { get; init; }
    public string? CognitoIdentity { get; init; }
    public string? TenantId { get; init; }

    /// <summary>Send header names in lower case (the client must compare case-insensitively).</summary>
    public bool LowercaseHeaderNames { get; init; }

    public static FakeInvocation Json(string requestId, string json) => new(requestId, Encoding.UTF8.GetBytes(json));

    internal List<KeyValuePair<string, string>> Headers()
    {
        var headers = new List<KeyValuePair<string, string>>();
        void Add(string name, string? value)
        {
            if (value is not null)
            {
                headers.Add(new(LowercaseHeaderNames ? name.ToLowerInvariant() : name, value));
            }
        }

        Add("Lambda-Runtime-Aws-Request-Id", RequestId);
        if (!OmitDeadline)
        {
            var deadline = DeadlineMs ?? DateTimeOffset.UtcNow.AddSeconds(60).ToUnixTimeMilliseconds();
            Add("Lambda-Runtime-Deadline-Ms", deadline.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        Add("Lambda-Runtime-Invoked-Function-Arn", FunctionArn);
        Add("Lambda-Runtime-Trace-Id", TraceId);
        Add("Lambda-Runtime-Client-Context", ClientContext);
        Add("Lambda-Runtime-Cognito-Identity", CognitoIdentity);
        Add("Lambda-Runtime-Aws-Tenant-Id", TenantId);
        return headers;
    }
}
