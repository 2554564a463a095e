using AmiAutomation.Core.Ledger;

namespace AmiAutomation.Lambda.Tests.Support;

/// <summary>
/// Wraps the in-memory run lease and records the DynamoDB actions <c>AmiAutomation.Aws.Ledger.DynamoDbRunLease</c>
/// sends: TryAcquireAsync → PutItem (conditional), plus GetItem when the lease is held by another run (to name it);
/// ReleaseAsync → DeleteItem (conditional).
/// </summary>
internal sealed class DynamoDbActionRecordingRunLease(IRunLease inner, PermissionLog log) : IRunLease
{
    public async Task<RunLeaseResult> TryAcquireAsync(RunLeaseHolder wanted, DateTimeOffset now, CancellationToken cancellationToken)
    {
        log.Add("dynamodb:PutItem");
        var result = await inner.TryAcquireAsync(wanted, now, cancellationToken).ConfigureAwait(false);
        if (!result.Acquired)
        {
            log.Add("dynamodb:GetItem");
        }

        return result;
    }

    public Task<bool> ReleaseAsync(RunLeaseHolder holder, CancellationToken cancellationToken)
    {
        log.Add("dynamodb:DeleteItem");
        return inner.ReleaseAsync(holder, cancellationToken);
    }
}
