namespace AmiAutomation.Aws.Tests.Support;

/// <summary>An answer of <see cref="FakeAwsServer"/>.</summary>
internal sealed record FakeAwsResponse(int StatusCode, string Body, string ContentType = "application/json")
{
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    public static FakeAwsResponse Json(string json) => new(200, json);

    /// <summary>A rest-json error: <c>x-amzn-ErrorType</c> header and a body with <c>message</c>.</summary>
    public static FakeAwsResponse JsonError(int status, string code, string message) =>
        new(status, $$"""{"message":"{{message}}"}""")
        {
            Headers = [new("x-amzn-ErrorType", code + ":http://internal.amazon.com/coral/com.amazonaws.rbin/"), new("x-amzn-RequestId", "req-" + code)],
        };
}
