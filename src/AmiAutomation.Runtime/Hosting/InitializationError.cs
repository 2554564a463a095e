namespace AmiAutomation.Runtime.Hosting;

/// <summary>Why init failed: the <c>Runtime.*</c> error type posted to <c>init/error</c>, a message naming the problem,
/// and the exception behind it, if any.</summary>
internal sealed record InitializationError(string ErrorType, string Message, Exception? Cause = null)
{
    public const string NoSuchHandler = "Runtime.NoSuchHandler";
    public const string InvalidConfiguration = "Runtime.InvalidConfiguration";
    public const string HandlerInitFailed = "Runtime.HandlerInitFailed";
}
