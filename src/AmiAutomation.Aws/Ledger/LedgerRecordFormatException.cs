namespace AmiAutomation.Aws.Ledger;

/// <summary>A ledger item lacks an attribute or holds a value that cannot be read back.</summary>
public sealed class LedgerRecordFormatException : Exception
{
    public LedgerRecordFormatException()
    {
    }

    public LedgerRecordFormatException(string message)
        : base(message)
    {
    }

    public LedgerRecordFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
