<?php
/**
 * Writes N published posts through WordPress's own PHP API (wp_insert_post, as an editor's saves do), for
 * `npm run bench:wordpress`: three editions per story, every section, fifty tags, dates over ten years.
 * Usage: php generate.php WORDPRESS_DIR N SECTIONS → prints {"posts": N, "seconds": …}
 * SECTIONS: the section slugs, comma-separated (lib/sections.ts).
 */
[, $wordpress_dir, $count, $section_slugs] = $argv;
require $wordpress_dir . '/wp-load.php';
wp_set_current_user(get_user_by('login', 'editor')->ID);
wp_defer_term_counting(true);
$sections = array();
foreach (explode(',', $section_slugs) as $slug) {
	$sections[] = get_term_by('slug', $slug, 'category')->term_id;
}
$editions = array('ar', 'en', 'fa');
$paragraph = '<!-- wp:paragraph --><p>' . str_repeat('A paragraph of a generated story, long enough to be searched and shown. ', 6) . '</p><!-- /wp:paragraph -->';
$started = microtime(true);
for ($i = 0; $i < (int) $count; $i++) {
	$story = intdiv($i, 3);
	$date = gmdate('Y-m-d H:i:s', 1480000000 + $story * 30000);
	wp_insert_post(array(
		'post_type' => 'post',
		'post_status' => 'publish',
		'post_title' => "Generated story {$story} ({$editions[$i % 3]})",
		'post_excerpt' => "The summary of generated story {$story}.",
		'post_content' => str_repeat($paragraph, 5),
		'post_name' => "generated-{$story}-{$editions[$i % 3]}",
		'post_date_gmt' => $date,
		'post_date' => $date,
		'post_category' => array($sections[$story % 4]),
		'tags_input' => array('tag-' . ($story % 50)),
		'meta_input' => array('sahifa_edition' => $editions[$i % 3], 'sahifa_story' => "generated-{$story}"),
	));
}
wp_defer_term_counting(false);
echo wp_json_encode(array('posts' => (int) $count, 'seconds' => round(microtime(true) - $started, 1))), "\n";
