namespace AmiAutomation.Aws.Ledger;

/// <summary>A status update named an image the ledger has no record of.</summary>
public sealed class LedgerRecordNotFoundException : Exception
{
    public LedgerRecordNotFoundException()
    {
    }

    public LedgerRecordNotFoundException(string message)
        : base(message)
    {
    }

    public LedgerRecordNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public static LedgerRecordNotFoundException For(string region, string imageId, string tableName, Exception? inner = null) =>
        inner is null
            ? new($"The ledger table {tableName} has no record of {imageId} in {region}.")
            : new($"The ledger table {tableName} has no record of {imageId} in {region}.", inner);
}
