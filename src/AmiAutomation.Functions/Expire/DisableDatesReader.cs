using AmiAutomation.Aws.Errors;
using AmiAutomation.Core.Disabling;
using AmiAutomation.Core.Ledger;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;
using Microsoft.Extensions.Logging;

namespace AmiAutomation.Functions.Expire;

/// <summary>
/// Reads the ledger's disable records for the planner (disable stage on only). A live run also confirms records left
/// pending (the write after DisableImage failed, or the run died between): when EC2 shows the image disabled now, the
/// record is marked Disabled as of now, which is never earlier than the real disable, so the wait only grows.
/// Any failure to read → <see cref="DisabledImageDates.Unreadable"/>: the stage then disables and deregisters nothing.
/// </summary>
/// <remarks>dynamodb:Query (and dynamodb:PutItem to confirm); ec2:DescribeImages for pending records.</remarks>
public sealed class DisableDatesReader(IDeregistrationLedger ledger, IAmazonEC2 client, TimeProvider time, ILogger logger)
{
    public async Task<DisabledImageDates> ReadAsync(string region, bool dryRun, CancellationToken cancellationToken)
    {
        IReadOnlyList<DisableRecord> records;
        try
        {
            records = await ledger.ListDisableRecordsAsync(region, cancellationToken);
        }
#pragma warning disable CA1031 // Fail closed: unreadable records stop the stage, never the run's other decisions.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            return DisabledImageDates.Unreadable($"the ledger's disable records could not be read ({ex.GetType().Name}: {ex.Message})");
        }

        if (dryRun)
        {
            return DisabledImageDates.From(records);
        }

        var confirmed = new List<DisableRecord>(records.Count);
        foreach (var record in records)
        {
            confirmed.Add(record.Status == DisableRecordStatus.PendingDisable
                ? await ConfirmAsync(record, cancellationToken)
                : record);
        }

        return DisabledImageDates.From(confirmed);
    }

    private async Task<DisableRecord> ConfirmAsync(DisableRecord record, CancellationToken cancellationToken)
    {
        try
        {
            var response = await client.DescribeImagesAsync(
                new DescribeImagesRequest { ImageIds = [record.ImageId], IncludeDisabled = true, IncludeDeprecated = true },
                cancellationToken);
            if (response?.Images?.FirstOrDefault(i => i.ImageId == record.ImageId)?.State?.Value != "disabled")
            {
                return record;
            }

            var confirmed = record with { Status = DisableRecordStatus.Disabled, DisabledAt = time.GetUtcNow() };
            await ledger.PutDisableRecordAsync(confirmed, cancellationToken);
            logger.LogInformation("Disable of {ImageId} confirmed now ({DisabledAt}); its pending record dates it from here", record.ImageId, confirmed.DisabledAt);
            return confirmed;
        }
#pragma warning disable CA1031 // Unconfirmed stays pending: the image is simply not deregistered by the stage yet.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            logger.LogWarning("Pending disable record of {ImageId} not confirmed: {Error}", record.ImageId, ex is AmazonServiceException service ? Ec2ErrorCodes.Describe(service) : ex.Message);
            return record;
        }
    }
}
