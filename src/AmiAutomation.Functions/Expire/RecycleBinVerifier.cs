using AmiAutomation.Aws.Errors;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;

namespace AmiAutomation.Functions.Expire;

/// <summary>
/// Polls ListImagesInRecycleBin for one image id until it shows up or <c>maxWait</c> has passed. Waiting goes through
/// the injected <see cref="TimeProvider"/> (tests advance a fake clock). Errors count as "not seen yet".
/// </summary>
/// <remarks>ec2:ListImagesInRecycleBin.</remarks>
public sealed class RecycleBinVerifier(IAmazonEC2 client, TimeProvider time, TimeSpan maxWait, TimeSpan? pollInterval = null)
{
    /// <summary>Default pause between polls.</summary>
    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(2);

    /// <exception cref="OperationCanceledException">The deadline fired while waiting.</exception>
    public async Task<RecycleBinCheck> WaitForImageAsync(string imageId, CancellationToken cancellationToken)
    {
        var interval = pollInterval ?? DefaultPollInterval;
        var start = time.GetUtcNow();
        var attempts = 0;
        string? lastError = null;
        while (true)
        {
            attempts++;
            try
            {
                var response = await client.ListImagesInRecycleBinAsync(
                    new ListImagesInRecycleBinRequest { ImageIds = [imageId] },
                    cancellationToken).ConfigureAwait(false);
                var entry = response?.Images?.FirstOrDefault(i => string.Equals(i.ImageId, imageId, StringComparison.Ordinal));
                if (entry is not null)
                {
                    DateTimeOffset? exit = entry.RecycleBinExitTime is { } t ? new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)) : null;
                    return new RecycleBinCheck(imageId, true, attempts, time.GetUtcNow() - start, exit, null);
                }
            }
            catch (AmazonServiceException ex)
            {
                lastError = Ec2ErrorCodes.Describe(ex);
            }

            var remaining = start + maxWait - time.GetUtcNow();
            if (remaining <= TimeSpan.Zero)
            {
                return new RecycleBinCheck(imageId, false, attempts, time.GetUtcNow() - start, null, lastError);
            }

            await Task.Delay(remaining < interval ? remaining : interval, time, cancellationToken).ConfigureAwait(false);
        }
    }
}
