using AmiAutomation.Core.Images;
using AmiAutomation.Core.Tagging;

namespace AmiAutomation.Aws.Mapping;

/// <summary>
/// Who manages an image, from its name and tags. AWS services win over us: an image carrying both an AWS Backup
/// mark and our tag is AWS Backup's (only it may remove the image), so the stricter claim is kept.
/// </summary>
public static class ImageManagerDetector
{
    public const string DlmPolicyTag = "aws:dlm:lifecycle-policy-id";
    public const string BackupSourceTag = "aws:backup:source-resource";
    public const string BackupNamePrefix = "AwsBackup_";
    public const string CreatedByTag = "CreatedBy";
    public const string ImageBuilderCreatedByValue = "EC2 Image Builder";
    public const string ImageBuilderArnTag = "Ec2ImageBuilderArn";

    public static ImageManager Detect(string? name, IReadOnlyDictionary<string, string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        if ((name?.StartsWith(BackupNamePrefix, StringComparison.Ordinal) ?? false) || tags.ContainsKey(BackupSourceTag))
        {
            return ImageManager.AwsBackup;
        }

        if (tags.ContainsKey(DlmPolicyTag))
        {
            return ImageManager.DataLifecycleManager;
        }

        if (tags.ContainsKey(ImageBuilderArnTag)
            || (tags.TryGetValue(CreatedByTag, out var createdBy) && string.Equals(createdBy, ImageBuilderCreatedByValue, StringComparison.Ordinal)))
        {
            return ImageManager.ImageBuilder;
        }

        return tags.TryGetValue(TagNames.ManagedBy, out var managedBy) && string.Equals(managedBy, TagNames.ManagedByValue, StringComparison.Ordinal)
            ? ImageManager.Us
            : ImageManager.Nobody;
    }
}
