using AmiAutomation.Runtime.Hosting;
using AmiAutomation.Runtime.Metrics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AmiAutomation.Runtime.Tests.Hosting;

public sealed class InvocationContextTests
{
    [Fact]
    public void RemainingTime_ClockAdvances_CountsDownAndNeverGoesNegative()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 4, 10, 0, 0, TimeSpan.Zero));
        var request = new InvocationRequest { RequestId = "r", Payload = [], DeadlineMs = time.GetUtcNow().AddSeconds(5).ToUnixTimeMilliseconds() };
        var context = new InvocationContext
        {
            RequestId = request.RequestId,
            FunctionName = "f",
            Deadline = request.Deadline,
            TimeProvider = time,
            Logger = NullLogger.Instance,
            Metrics = new MetricsRecorder(),
        };

        Assert.Equal(TimeSpan.FromSeconds(5), context.RemainingTime);
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(TimeSpan.FromSeconds(3), context.RemainingTime);
        time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(TimeSpan.Zero, context.RemainingTime);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0L)]
    [InlineData(-1L)]
    public void InvocationRequestDeadline_MissingOrInvalid_IsMaxValue(long? ms)
    {
        var request = new InvocationRequest { RequestId = "r", Payload = [], DeadlineMs = ms };

        Assert.Equal(DateTimeOffset.MaxValue, request.Deadline);
    }
}
