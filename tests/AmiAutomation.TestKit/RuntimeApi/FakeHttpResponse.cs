using System.Text;

namespace AmiAutomation.TestKit.RuntimeApi;

/// <summary>An answer of the fake Runtime API.</summary>
public sealed record FakeHttpResponse(int StatusCode, byte[] Body)
{
    public string? ContentType { get; init; } = "application/json";
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    public static FakeHttpResponse Json(int statusCode, string json) => new(statusCode, Encoding.UTF8.GetBytes(json));

    public static FakeHttpResponse Accepted() => Json(202, """{"status":"OK"}""");
}
