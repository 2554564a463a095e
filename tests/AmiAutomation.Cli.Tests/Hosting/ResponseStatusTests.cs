using System.Text;
using AmiAutomation.Cli.Hosting;

namespace AmiAutomation.Cli.Tests.Hosting;

/// <summary><c>ami-automation invoke</c> exits 1 for partial, failed and blocked runs (README's exit-code table).</summary>
public sealed class ResponseStatusTests
{
    [Theory]
    [InlineData("""{"function":"expire","status":"succeeded"}""", ExitCodes.Ok)]
    [InlineData("""{"function":"expire","status":"partial"}""", ExitCodes.RunFailed)]
    [InlineData("""{"function":"expire","status":"failed"}""", ExitCodes.RunFailed)]
    [InlineData("""{"function":"deprecate","status":"blocked","blockedReason":"lease"}""", ExitCodes.RunFailed)]
    [InlineData("""{"function":"restore","status":"restored","runStatus":"succeeded"}""", ExitCodes.Ok)]
    [InlineData("""{"function":"restore","status":"partial","runStatus":"partial"}""", ExitCodes.RunFailed)]
    [InlineData("""{"function":"restore","runStatus":"blocked"}""", ExitCodes.RunFailed)]
    [InlineData("""{"function":"restore","action":"list","count":0}""", ExitCodes.Ok)]
    [InlineData("""{"trigger":"event","status":"partial","summary":{"status":"succeeded"}}""", ExitCodes.RunFailed)]
    public void ExitCodeFor_ResponseStatus_OnlySucceededIsZero(string response, int expected)
    {
        Assert.Equal(expected, ResponseStatus.ExitCodeFor(ResponseStatus.Of(Encoding.UTF8.GetBytes(response))));
    }

    [Fact]
    public void Of_NotJson_IsNoStatus()
    {
        Assert.Null(ResponseStatus.Of("not json"u8.ToArray()));
        Assert.Null(ResponseStatus.Of(null));
    }
}
