<?php
/**
 * Installs WordPress without a browser (or finds it installed) for `npm run serve:wordpress` and the
 * tests: the site, categories for Sahifa's sections, an Editor, and a new Application Password for it.
 * Usage: php install.php WORDPRESS_DIR ADMIN_PASSWORD EDITOR_PASSWORD SECTIONS   → prints {"appPassword": …}
 * SECTIONS: the section slugs, comma-separated (lib/sections.ts, passed by local-wordpress.ts).
 */
[, $wordpress_dir, $admin_password, $editor_password, $section_slugs] = $argv;
define('WP_INSTALLING', true);
// The installer would mail the administrator; there is no mail here.
function wp_new_blog_notification() {}
require $wordpress_dir . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/user.php';

if (!is_blog_installed()) {
	wp_install('Sahifa newsroom', 'admin', 'admin@example.test', false, '', wp_slash($admin_password));
	// WordPress's sample post and page are in no section of Sahifa's.
	wp_delete_post(1, true);
	wp_delete_post(2, true);
}
update_option('permalink_structure', '');
update_option('timezone_string', 'UTC');
foreach (explode(',', $section_slugs) as $slug) {
	if (!term_exists($slug, 'category')) {
		wp_insert_term(ucfirst($slug), 'category', array('slug' => $slug));
	}
}
$editor = get_user_by('login', 'editor');
if (!$editor) {
	$editor = get_user_by('id', wp_create_user('editor', $editor_password, 'editor@example.test'));
}
$editor->set_role('editor');
wp_set_password($editor_password, $editor->ID);
[$plain] = WP_Application_Passwords::create_new_application_password($editor->ID, array('name' => 'Sahifa ' . gmdate('c')));
// The administrator's, for what only an administrator may do (the tests post the XSS corpus as one).
$admin = get_user_by('login', 'admin');
[$admin_plain] = WP_Application_Passwords::create_new_application_password($admin->ID, array('name' => 'Tests ' . gmdate('c')));
echo wp_json_encode(array('appPassword' => $plain, 'adminAppPassword' => $admin_plain, 'editorId' => $editor->ID)), "\n";
