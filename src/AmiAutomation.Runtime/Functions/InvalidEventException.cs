namespace AmiAutomation.Runtime.Functions;

/// <summary>The payload is not JSON or does not fit the function's input. Its name is the Lambda <c>errorType</c>.</summary>
public sealed class InvalidEventException : Exception
{
    public InvalidEventException(string message)
        : base(message)
    {
    }

    public InvalidEventException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public InvalidEventException()
    {
    }
}
