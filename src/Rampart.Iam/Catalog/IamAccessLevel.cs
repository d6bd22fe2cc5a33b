namespace Rampart.Iam.Catalog;

/// <summary>
/// The access level AWS assigns to an action in the Service Authorization Reference. Actions AWS lists as
/// both <c>Write</c> and tagging or permissions management carry the more specific level.
/// </summary>
public enum IamAccessLevel
{
    /// <summary>Lists resources or their existence (<c>List</c>).</summary>
    List,

    /// <summary>Reads the contents or attributes of resources (<c>Read</c>).</summary>
    Read,

    /// <summary>Creates, changes or deletes resources (<c>Write</c>).</summary>
    Write,

    /// <summary>Grants or changes permissions: policies, grants, sharing (<c>Permissions management</c>).</summary>
    PermissionsManagement,

    /// <summary>Only adds, changes or removes tags (<c>Tagging</c>).</summary>
    Tagging,
}
