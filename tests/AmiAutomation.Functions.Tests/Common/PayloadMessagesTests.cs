using System.Text;
using AmiAutomation.Functions.Deprecate;
using AmiAutomation.Functions.Expire;
using AmiAutomation.Runtime.Functions;

namespace AmiAutomation.Functions.Tests.Common;

/// <summary>
/// Payloads the functions cannot read get messages in our words, built from the source-generated contract and never
/// from the serializer's message (a resource key such as "UnmappedJsonProperty, key1, …" under the AOT bootstrap).
/// </summary>
public sealed class PayloadMessagesTests
{
    private readonly SweepHarness _h = new();

    private async Task<string> RejectedAsync(string payload, bool expire = false)
    {
        ILambdaFunction function = expire ? _h.Expire() : _h.Deprecate();
        var error = await Assert.ThrowsAsync<InvalidEventException>(() => function.InvokeAsync(Encoding.UTF8.GetBytes(payload), _h.Context()));
        Assert.DoesNotContain("UnmappedJsonProperty", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("JsonException", error.Message, StringComparison.Ordinal);
        return error.Message;
    }

    [Fact]
    public async Task ConsoleDefaultTestEvent_PointsToTheFunctionsSampleEvents()
    {
        var message = await RejectedAsync("""{"key1": "value1", "key2": "value2", "key3": "value3"}""");

        Assert.StartsWith("The deprecate function received the Lambda console's default test event", message, StringComparison.Ordinal);
        Assert.All(DeprecateFunction.SampleEvents, file => Assert.Contains("events/" + file, message, StringComparison.Ordinal));
        Assert.DoesNotContain("expire-", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConsoleDefaultTestEvent_Expire_NamesExpireSamples()
    {
        var message = await RejectedAsync("""{"key1": "value1"}""", expire: true);

        Assert.All(ExpireFunction.SampleEvents, file => Assert.Contains("events/" + file, message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task UnknownField_NamedWithTheKnownFields()
    {
        var message = await RejectedAsync("""{"imageId": "ami-0123456789abcdef0"}""");

        Assert.Equal(
            "The deprecate function could not read its payload: unknown field 'imageId' at $ (known fields: source, dryRun, families, imageIds, clearLatch).",
            message);
    }

    [Fact]
    public async Task UnknownNestedField_NamedWithItsPath()
    {
        var message = await RejectedAsync("""{"clearLatch": {"reasn": "x"}}""", expire: true);

        Assert.Contains("unknown field 'reasn' at $.clearLatch (known fields: ", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"dryRun": "yes"}""", "field 'dryRun' ($.dryRun) must be a boolean (true or false), not a string")]
    [InlineData("""{"source": 5}""", "field 'source' ($.source) must be a string, not a number")]
    [InlineData("""{"imageIds": "ami-0123456789abcdef0"}""", "field 'imageIds' ($.imageIds) must be an array, not a string")]
    [InlineData("""{"families": ["web", 7]}""", "field 'families[1]' ($.families[1]) must be a string, not a number")]
    [InlineData("""[1, 2]""", "the value at $ must be an object, not an array")]
    [InlineData("\"schedule\"", "the value at $ must be an object, not a string")]
    public async Task WrongKind_SaysWhichFieldAndWhatItMustBe(string payload, string expected)
    {
        var message = await RejectedAsync(payload);

        Assert.Equal($"The deprecate function could not read its payload: {expected}.", message);
    }

    [Theory]
    [InlineData("{\"dryRun\": true", "malformed JSON at line 1, position 16")]
    [InlineData("{\n  \"dryRun\": tru\n}", "malformed JSON at line 2, position 16")]
    [InlineData("not json", "malformed JSON at line 1, position 2")]
    public async Task MalformedJson_LineAndPosition(string payload, string expected)
    {
        var message = await RejectedAsync(payload);

        Assert.Equal($"The deprecate function could not read its payload: {expected}.", message);
    }

    [Fact]
    public async Task HugeUnknownFieldName_QuotedCapped()
    {
        var name = new string('x', 100_000);

        var message = await RejectedAsync($$"""{"{{name}}": 1}""");

        Assert.True(message.Length < 400, $"message of {message.Length} characters");
    }
}
