namespace AmiAutomation.Functions.Common;

/// <summary>
/// Reads <c>INCLUDE_MANAGED_BY</c>: which AWS services' images a policy may act on. Values (comma-separated, any case):
/// <c>dlm</c> (Data Lifecycle Manager) and <c>imagebuilder</c> (EC2 Image Builder). AWS Backup images are never
/// included: only AWS Backup may retire them, so <c>backup</c> is rejected.
/// </summary>
public sealed record ManagedByOptions(bool DataLifecycleManager, bool ImageBuilder)
{
    public const string Variable = "INCLUDE_MANAGED_BY";

    public static ManagedByOptions Read(SettingsReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        bool dlm = false, imageBuilder = false;
        foreach (var item in reader.GetList(Variable))
        {
            switch (item.Replace("-", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal).ToUpperInvariant())
            {
                case "DLM" or "DATALIFECYCLEMANAGER":
                    dlm = true;
                    break;
                case "IMAGEBUILDER" or "EC2IMAGEBUILDER":
                    imageBuilder = true;
                    break;
                case "BACKUP" or "AWSBACKUP":
                    reader.AddError($"{Variable} contains '{item}': images managed by AWS Backup are never included (only AWS Backup may retire them).");
                    break;
                default:
                    reader.AddError($"{Variable} contains '{item}', which is not one of: dlm, imagebuilder.");
                    break;
            }
        }

        return new ManagedByOptions(dlm, imageBuilder);
    }
}
