namespace AmiAutomation.Simulation.Ledger;

/// <summary>Thrown by <see cref="InMemoryDeregistrationLedger"/> when a write failure was injected.</summary>
public sealed class LedgerWriteException : Exception
{
    public LedgerWriteException()
    {
    }

    public LedgerWriteException(string message)
        : base(message)
    {
    }

    public LedgerWriteException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
