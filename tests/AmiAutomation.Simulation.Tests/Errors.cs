using Amazon.EC2;

namespace AmiAutomation.Simulation.Tests;

internal static class Errors
{
    /// <summary>Awaits the call and returns the EC2 error it must fail with.</summary>
    public static async Task<AmazonEC2Exception> Of(Func<Task> call)
    {
        var exception = await Assert.ThrowsAsync<AmazonEC2Exception>(call);
        return exception;
    }

    public static async Task<AmazonEC2Exception> Expect(string errorCode, Func<Task> call)
    {
        var exception = await Of(call);
        Assert.Equal(errorCode, exception.ErrorCode);
        Assert.False(string.IsNullOrWhiteSpace(exception.Message));
        return exception;
    }
}
