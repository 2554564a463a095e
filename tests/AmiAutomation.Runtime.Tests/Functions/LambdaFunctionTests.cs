using System.Text;
using AmiAutomation.Runtime.Functions;
using AmiAutomation.Runtime.Hosting;
using AmiAutomation.Runtime.Metrics;
using AmiAutomation.Runtime.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace AmiAutomation.Runtime.Tests.Functions;

public sealed class LambdaFunctionTests
{
    private static readonly InvocationContext Context = new()
    {
        RequestId = "r",
        FunctionName = "f",
        TimeProvider = TimeProvider.System,
        Logger = NullLogger.Instance,
        Metrics = new MetricsRecorder(),
    };

    [Fact]
    public async Task InvokeAsync_ValidPayload_ReturnsSerialisedOutput()
    {
        var result = await new TypedFunction().InvokeAsync("""{"name":"ami-1"}"""u8.ToArray(), Context);

        Assert.Equal("""{"greeting":"hello ami-1"}""", Encoding.UTF8.GetString(result!));
    }

    [Theory]
    [InlineData("", "empty payload")]
    [InlineData("null", "JSON null")]
    [InlineData("not json", "could not read its payload")]
    [InlineData("""{"name": 5}""", "field 'name' ($.name) must be a string, not a number")]
    public async Task InvokeAsync_BadPayload_ThrowsInvalidEventExceptionNamingTheProblem(string payload, string expected)
    {
        var ex = await Assert.ThrowsAsync<InvalidEventException>(
            () => new TypedFunction().InvokeAsync(Encoding.UTF8.GetBytes(payload), Context));

        Assert.Contains(TypedFunction.HandlerName, ex.Message, StringComparison.Ordinal);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeAsync_Utf8BomBeforeJson_Accepted()
    {
        byte[] payload = [0xEF, 0xBB, 0xBF, .. """{"name":"ami-1"}"""u8.ToArray()];

        var result = await new TypedFunction().InvokeAsync(payload, Context);

        Assert.Equal("""{"greeting":"hello ami-1"}""", Encoding.UTF8.GetString(result!));
    }
}
