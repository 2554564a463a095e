using Microsoft.Extensions.Time.Testing;

namespace AmiAutomation.Aws.Tests.Support;

internal static class FakeClock
{
    /// <summary>Advances <paramref name="time"/> in small steps until <paramref name="work"/> finishes (rate-limiter waits
    /// run on the fake clock), giving continuations a moment of real time between steps.</summary>
    public static async Task<T> DriveAsync<T>(FakeTimeProvider time, Task<T> work, TimeSpan step, TimeSpan limit)
    {
        var start = time.GetUtcNow();
        while (!work.IsCompleted)
        {
            if (time.GetUtcNow() - start > limit)
            {
                throw new TimeoutException($"Work did not finish within {limit} of fake time.");
            }

            time.Advance(step);
            await Task.Delay(1);
        }

        return await work;
    }
}
